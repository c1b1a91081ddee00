import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

describe('the CLI', () => {
  it.each([[['--help']], [['validate', '--help']], [['graph', '--help']], [['schema', '--help']]])(
    '%j prints help and exits 0',
    async (args) => {
      const run = await cli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Usage: credstack/);
    },
  );

  it('exits 2 on usage errors', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['graph', '--as-of', '2025-02-30'])).code).toBe(2);
  });

  it('exits 1 on a missing catalog, in one line', async () => {
    const run = await cli(['validate', 'no/such/catalog']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /: expected a catalog file or folder, got no such file \(ENOENT\) \[unreadable-file\]\n$/,
    );
  });

  it('prints the JSON Schemas', async () => {
    const run = await cli(['schema']);
    expect(Object.keys(JSON.parse(run.stdout))).toEqual([
      'catalog.schema.json',
      'catalog-part.schema.json',
      'transcript.schema.json',
      'audit-result.schema.json',
      'plan-result.schema.json',
      'list-result.schema.json',
      'explain-result.schema.json',
    ]);
  });
});
