import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROUNDS, parseBenchArgs } from '../../bench/bench-args.js';
import { coversLock, resolveBaseline } from '../../bench/baseline-worktree.js';
import { median, ratio, summarize, type FigureSpec, type Round } from '../../bench/compare-figures.js';
import { chooseInputs } from '../../bench/compare-inputs.js';
import { renderTable } from '../../bench/compare-table.js';
import type { Build } from '../../bench/load-build.js';
import * as credstack from '../../src/index.js';
import type { Issue } from '../../src/model/issue.js';
import * as credstackNode from '../../src/node.js';

describe('npm run bench arguments', () => {
  it('without arguments prints the current figures', () => {
    expect(parseBenchArgs([])).toEqual({ mode: 'current' });
  });

  it('takes --baseline with or without a REF', () => {
    expect(parseBenchArgs(['--baseline', 'v0.1.0'])).toEqual({
      mode: 'baseline',
      ref: 'v0.1.0',
      rounds: DEFAULT_ROUNDS.full,
      quick: false,
      json: undefined,
    });
    expect(parseBenchArgs(['--baseline=HEAD~3'])).toMatchObject({ ref: 'HEAD~3' });
    // An option after --baseline is not its REF: the default baseline is used.
    expect(parseBenchArgs(['--baseline', '--quick'])).toEqual({
      mode: 'baseline',
      ref: undefined,
      rounds: DEFAULT_ROUNDS.quick,
      quick: true,
      json: undefined,
    });
    expect(parseBenchArgs(['--quick', '--rounds', '7', '--json', 'out.json', '--baseline', 'HEAD~1'])).toEqual({
      mode: 'baseline',
      ref: 'HEAD~1',
      rounds: 7,
      quick: true,
      json: 'out.json',
    });
    expect(parseBenchArgs(['--baseline', 'main', '--rounds=2'])).toMatchObject({ ref: 'main', rounds: 2 });
  });

  it('rejects bad values, unknown arguments, and options without --baseline', () => {
    expect(parseBenchArgs(['--baseline', '--rounds', '0'])).toEqual({
      error: '--rounds: expected a whole number of at least 1, got "0"',
    });
    expect(parseBenchArgs(['--baseline', '--rounds', '2.5'])).toEqual({
      error: '--rounds: expected a whole number of at least 1, got "2.5"',
    });
    expect(parseBenchArgs(['--baseline', '--rounds'])).toEqual({
      error: '--rounds: expected a whole number of at least 1, got nothing',
    });
    expect(parseBenchArgs(['--baseline', '--json'])).toEqual({ error: '--json: expected a file name' });
    expect(parseBenchArgs(['--baseline='])).toEqual({ error: '--baseline: REF is empty' });
    expect(parseBenchArgs(['--baseline', 'a', 'b'])).toEqual({ error: 'unknown argument "b"' });
    expect(parseBenchArgs(['--quick'])).toEqual({
      error: '--rounds, --quick and --json need --baseline (npm run bench alone prints the current figures)',
    });
  });
});

describe('the comparison figures', () => {
  const rate: FigureSpec = { id: 'rate', label: 'rate', unit: '/s', better: 'higher', digits: 0 };
  const time: FigureSpec = { id: 'time', label: 'time', unit: 'ms', better: 'lower', digits: 1 };

  it('ratios are above 1 when ours is better, for rates and for times', () => {
    expect(ratio(300, 200, 'higher')).toBe(1.5);
    expect(ratio(10, 20, 'lower')).toBe(2);
    expect(ratio(40, 20, 'lower')).toBe(0.5);
  });

  it('medians of odd and even counts, none for no values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('the ratio is the median of the per-round ratios, not the ratio of the medians', () => {
    // Round ratios 2, 0.5, 1.2: median 1.2. The medians (200 and 150) would give 1.33.
    const rounds: Round[] = [
      { ours: { rate: 200, time: 5 }, baseline: { rate: 100, time: 10 } },
      { ours: { rate: 100, time: 5 }, baseline: { rate: 200, time: 5 } },
      { ours: { rate: 300 }, baseline: { rate: 250, time: 8 } },
    ];
    const [r, t] = summarize([rate, time], rounds);
    expect(r!.ratios).toEqual([2, 0.5, 1.2]);
    expect(r!.median).toEqual({ ours: 200, baseline: 200, ratio: 1.2 });
    // A round where ours has no figure gives no ratio and is left out of the medians.
    expect(t!.ours).toEqual([5, 5, null]);
    expect(t!.ratios).toEqual([2, 1, null]);
    expect(t!.median).toEqual({ ours: 5, baseline: 8, ratio: 1.5 });
  });

  it('renders a table with n/a for what was not measured', () => {
    const table = renderTable(
      summarize([rate, time], [{ ours: { rate: 1234.4 }, baseline: { rate: 1000, time: 2 } }]),
      'v0.1.0',
    );
    expect(table.split('\n')).toEqual([
      'figure  unit   ours  v0.1.0  ratio  per round',
      '------  ----  -----  ------  -----  ---------',
      'rate    /s    1,234   1,000   1.23  1.23',
      'time    ms      n/a     2.0    n/a  n/a',
    ]);
  });
});

describe('the baseline a run compares against', () => {
  const repo = mkdtempSync(join(tmpdir(), 'credstack-bench-test-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
      cwd: repo,
      encoding: 'utf8',
    }).trim();
  git('init', '-q');
  git('commit', '-q', '--allow-empty', '-m', 'first');
  git('commit', '-q', '--allow-empty', '-m', 'second');
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('is HEAD~1 when there is no tag, the newest tag when there is one, the REF when given', () => {
    expect(resolveBaseline(repo, undefined)).toEqual({
      ref: 'HEAD~1',
      commit: git('rev-parse', 'HEAD~1'),
      subject: 'first',
      chosen: 'no release tag: the commit before HEAD',
    });
    git('tag', 'v0.1.0', 'HEAD~1');
    git('commit', '-q', '--allow-empty', '-m', 'third');
    expect(resolveBaseline(repo, undefined)).toMatchObject({
      ref: 'v0.1.0',
      subject: 'first',
      chosen: 'the newest release tag',
    });
    expect(resolveBaseline(repo, 'HEAD~1')).toMatchObject({ ref: 'HEAD~1', subject: 'second', chosen: 'as given' });
    expect(resolveBaseline(repo, 'no-such-ref')).toEqual({
      error: '--baseline: "no-such-ref" is not a commit of this repository',
    });
  });
});

describe('the dependencies a baseline is given', () => {
  const lock = (packages: Record<string, { version: string; integrity?: string }>) => ({
    packages: { '': { version: '0.1.0' }, ...packages },
  });
  const zod = { version: '4.6.7', integrity: 'sha512-z' };
  const highs = { version: '1.15.3', integrity: 'sha512-h' };

  it('are ours when ours holds every package of its lock at the same version, even with more', () => {
    expect(coversLock(lock({ 'node_modules/zod': zod }), lock({ 'node_modules/zod': zod }))).toBe(true);
    // Ours added a dependency since: the baseline needs nothing ours lacks.
    expect(
      coversLock(lock({ 'node_modules/zod': zod, 'node_modules/highs': highs }), lock({ 'node_modules/zod': zod })),
    ).toBe(true);
    // The project's own version (the root entry) is not an installed package.
    expect(coversLock(lock({}), { packages: { '': { version: '0.0.1' } } })).toBe(true);
  });

  it('are its own (npm ci) when it has a package ours lacks or has at another version or integrity', () => {
    expect(coversLock(lock({ 'node_modules/zod': zod }), lock({ 'node_modules/highs': highs }))).toBe(false);
    expect(
      coversLock(lock({ 'node_modules/zod': zod }), lock({ 'node_modules/zod': { ...zod, version: '4.5.0' } })),
    ).toBe(false);
    expect(
      coversLock(lock({ 'node_modules/zod': zod }), lock({ 'node_modules/zod': { ...zod, integrity: 'sha512-x' } })),
    ).toBe(false);
    // A lock file without packages (lockfile version 1) says too little.
    expect(coversLock(lock({}), {})).toBe(false);
  });
});

describe('the inputs both builds are timed on', () => {
  const root = join(import.meta.dirname, '..', '..');
  const ours: Build = { credstack, credstackNode };
  const rejected: Issue = {
    code: 'invalid-shape',
    file: '<transcript>',
    path: ['learner'],
    expected: 'no field "entered"',
    received: '{...}',
  };
  /** A build like those before learner facts: it rejects a transcript whose learner has `entered`. */
  const older: Build = {
    credstack: {
      ...credstack,
      audit: (catalog, transcript, options) =>
        typeof transcript === 'object' &&
        transcript !== null &&
        'entered' in (transcript as { learner: object }).learner
          ? { ok: false, issues: [rejected] }
          : credstack.audit(catalog, transcript, options),
    },
    credstackNode,
  };
  // An older checkout's inputs: the same catalog, Ada without her matriculation date.
  const old = mkdtempSync(join(tmpdir(), 'credstack-bench-inputs-'));
  cpSync(join(root, 'rules'), join(old, 'rules'), { recursive: true });
  mkdirSync(join(old, 'fixtures'));
  const ada = JSON.parse(readFileSync(join(root, 'fixtures', 'ada-bs-complete.json'), 'utf8'));
  delete ada.learner.entered;
  writeFileSync(join(old, 'fixtures', 'ada-bs-complete.json'), JSON.stringify(ada));
  afterAll(() => rmSync(old, { recursive: true, force: true }));
  const sources = [
    { name: "this checkout's", root },
    { name: "v0.1.0's", root: old },
  ];

  it("are this checkout's when both builds read them", () => {
    const chosen = chooseInputs(sources, { ours, baseline: ours });
    expect('source' in chosen && chosen.source.name).toBe("this checkout's");
    expect('passedOver' in chosen && chosen.passedOver).toEqual([]);
  });

  it("are the baseline's when it cannot read ours, saying why ours were passed over", () => {
    const chosen = chooseInputs(sources, { ours, baseline: older });
    if ('error' in chosen) throw new Error(chosen.error);
    expect(chosen.source.name).toBe("v0.1.0's");
    expect(chosen.catalog.programs.some((p) => p.id === 'bs-data-science')).toBe(true);
    expect(chosen.passedOver).toEqual([
      `this checkout's rules/ and fixtures/: the baseline cannot read them (bs-data-science: ${credstack.issueText(rejected)})`,
    ]);
  });

  it('are none when no source is read by both, with every reason', () => {
    expect(chooseInputs([sources[0]!], { ours: older, baseline: ours })).toEqual({
      error: expect.stringMatching(
        /^no inputs both builds read: this checkout's rules\/ and fixtures\/: ours cannot read them \(bs-data-science: /,
      ),
    });
  });
});

describe('the builds the benchmarks time', () => {
  it('are loaded as built, not transformed by tsx (which wraps named functions in __name calls)', () => {
    const dist = mkdtempSync(join(tmpdir(), 'credstack-bench-build-'));
    try {
      const source = 'export function solve() { const step = () => 1; return step(); }\n';
      writeFileSync(join(dist, 'index.js'), source);
      writeFileSync(join(dist, 'node.js'), 'export const node = true;\n');
      const loader = pathToFileURL(join(import.meta.dirname, '..', '..', 'bench', 'load-build.ts')).href;
      const script = `const { loadBuild } = await import(${JSON.stringify(loader)}); const { credstack } = await loadBuild(${JSON.stringify(dist)}); process.stdout.write(String(credstack.solve));`;
      const loaded = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
        cwd: join(import.meta.dirname, '..', '..'),
        encoding: 'utf8',
      });
      expect(loaded).toBe(source.trim().replace(/^export /, ''));
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
