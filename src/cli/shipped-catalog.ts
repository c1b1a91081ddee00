import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shipped example catalog (`rules/` at the package root), found from this module's location. */
export function shippedCatalogPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'credstack')
      return join(dir, 'rules');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the credstack package root was not found');
    dir = parent;
  }
}
