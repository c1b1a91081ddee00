// Follows docs/tutorial.md as a new user would, in a fresh project outside the repository: packs
// the package, installs the tarball (it stands for `npm i credstack`), writes the files the
// tutorial shows and runs its commands, and checks that each prints what the tutorial says.
// Run by .ci/run (`npx tsx test/package/follow-tutorial.ts`); not part of `npm test` (it packs).
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const tutorial = readFileSync(join(ROOT, 'docs', 'tutorial.md'), 'utf8');
const blocks = [...tutorial.matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1]!);
/** The first code block after the one holding `marker`, or that block itself (offset 0). */
const block = (marker: string, offset = 1): string => {
  const at = blocks.findIndex((b) => b.includes(marker));
  if (at < 0 || !blocks[at + offset]) throw new Error(`docs/tutorial.md: no code block near "${marker}"`);
  return blocks[at + offset]!;
};

const work = mkdtempSync(join(tmpdir(), 'credstack-tutorial-'));
const project = join(work, 'first-transcript');
let failed = false;
try {
  const packed = execSync(`npm pack --loglevel=warn --pack-destination ${JSON.stringify(work)}`, {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .at(-1)!;
  mkdirSync(project);
  const run = (command: string, expected: string, status = 0): string => {
    let output: string;
    let code = 0;
    try {
      output = execSync(`${command} 2>&1`, { cwd: project, encoding: 'utf8' });
    } catch (error) {
      const e = error as { status: number; stdout: string };
      output = e.stdout;
      code = e.status;
    }
    if (code !== status || !output.includes(expected.trim())) {
      failed = true;
      console.error(`✗ ${command} (exit ${code}, expected ${status})\n--- expected\n${expected}--- got\n${output}`);
    } else console.log(`✓ ${command}`);
    return output;
  };
  run('npm init -y', '');
  run(`npm i ${JSON.stringify(join(work, packed))} --no-audit --no-fund`, '');
  run('npx credstack validate', block('npx credstack validate'));
  const sam = block('"learner": { "id": "s-2001"', 0);
  const write = (text: string) => writeFileSync(join(project, 'sam.json'), text);
  write(sam);
  const audit = 'npx credstack audit sam.json --program cert-data-analytics';
  run(audit, block(audit));
  const a4 = block('"id": "a4"', 0).trimEnd();
  write(sam.replace('"2026-01-30" }\n', `"2026-01-30" },\n${a4}\n`));
  run(audit, block('"id": "a4"'));
  const [unknown, date] = block('[unknown-reference]', 0).trim().split('\n');
  write(sam.replace('"mc-spreadsheets"', '"mc-spreadsheet"'));
  run(audit, unknown!, 1);
  write(sam.replace('2026-01-30', '2026-02-30'));
  run(audit, date!, 1);
  write(sam);
  const plan = 'npx credstack plan sam.json --target cert-data-analytics';
  run(plan, block(plan));
  const program = block("from 'credstack/node';", 0);
  writeFileSync(join(project, 'audit.mjs'), program);
  const printed = block('node audit.mjs', 1);
  const esm = run('node audit.mjs', printed);
  const requires = block("require('credstack/node')", 0).trim();
  writeFileSync(join(project, 'audit.cjs'), program.replace(program.split('\n').slice(0, 3).join('\n'), requires));
  const cjs = run('node audit.cjs', printed);
  if (esm !== cjs) {
    failed = true;
    console.error('✗ audit.cjs does not print what audit.mjs prints');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log('the tutorial works as written');
