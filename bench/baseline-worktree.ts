import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, realpathSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildRunner } from './child-runner.js';

/** The build compared against: the ref as given, the commit it names, and why it was chosen. */
export interface Baseline {
  readonly ref: string;
  readonly commit: string;
  readonly subject: string;
  readonly chosen: string;
}

const git = (repo: string, args: readonly string[]): string =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** `ref`, or when none is given the newest release tag before HEAD, else `HEAD~1`. */
export function resolveBaseline(repo: string, ref: string | undefined): Baseline | { readonly error: string } {
  let name = ref;
  let chosen = 'as given';
  if (name === undefined) {
    try {
      name = git(repo, ['describe', '--tags', '--abbrev=0', 'HEAD']);
      chosen = 'the newest release tag';
    } catch {
      name = 'HEAD~1';
      chosen = 'no release tag: the commit before HEAD';
    }
  }
  let commit: string;
  try {
    commit = git(repo, ['rev-parse', '--verify', '--quiet', `${name}^{commit}`]);
  } catch {
    return { error: `--baseline: ${JSON.stringify(name)} is not a commit of this repository` };
  }
  return { ref: name, commit, subject: git(repo, ['log', '-1', '--format=%s', commit]), chosen };
}

/** This checkout's HEAD, and whether tracked files differ from it (the build timed is the working tree's). */
export function describeCheckout(repo: string): { readonly commit: string; readonly modified: boolean } {
  return {
    commit: git(repo, ['rev-parse', 'HEAD']),
    modified: git(repo, ['status', '--porcelain', '--untracked-files=no']) !== '',
  };
}

const readLock = (file: string): LockFile | undefined =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LockFile) : undefined;

/** What of a `package-lock.json` (lockfile version 2 or 3) says which packages are installed. */
interface LockFile {
  readonly packages?: Readonly<Record<string, { readonly version?: string; readonly integrity?: string }>>;
}

/**
 * Whether our `node_modules` holds every package `theirs` installs, at the same version and
 * integrity (the baseline's lock a subset of ours: typically ours only added dependencies). The
 * root entry (`""`, the project itself) is not a package installed.
 */
export function coversLock(ours: LockFile, theirs: LockFile): boolean {
  if (!ours.packages || !theirs.packages) return false;
  return Object.entries(theirs.packages).every(([path, entry]) => {
    if (path === '') return true;
    const mine = Object.hasOwn(ours.packages!, path) ? ours.packages![path] : undefined;
    return mine !== undefined && mine.version === entry.version && mine.integrity === entry.integrity;
  });
}

/**
 * Checks the baseline out in a detached worktree at `dir`, installs its dependencies (this
 * checkout's `node_modules` linked when it holds every package of the baseline's lock file at the
 * same version, else `npm ci`) and builds it with its own `npm run build`. Returns its `dist` folder.
 */
export async function buildBaseline(
  repo: string,
  baseline: Baseline,
  dir: string,
  runner: ChildRunner,
  log: (line: string) => void,
): Promise<string> {
  await runner.run('git', ['worktree', 'add', '--detach', dir, baseline.commit], { cwd: repo });
  const ours = readLock(join(repo, 'package-lock.json'));
  const theirs = readLock(join(dir, 'package-lock.json'));
  if (ours && theirs && coversLock(ours, theirs)) {
    symlinkSync(realpathSync(join(repo, 'node_modules')), join(dir, 'node_modules'), 'dir');
    log(
      'dependencies: every package of its package-lock.json at the same version in ours, so our node_modules (linked)',
    );
  } else {
    log(
      'dependencies: its package-lock.json has packages ours lacks or has at other versions: npm ci in the baseline worktree',
    );
    await runner.run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir });
  }
  log('building the baseline (its own npm run build)');
  await runner.run('npm', ['run', 'build'], { cwd: dir });
  return join(dir, 'dist');
}

/** Removes the baseline worktree (first unlinking a linked node_modules, so nothing follows it into ours). */
export function removeBaseline(repo: string, dir: string): void {
  if (!existsSync(dir)) return;
  const modules = join(dir, 'node_modules');
  if (lstatSync(modules, { throwIfNoEntry: false })?.isSymbolicLink()) unlinkSync(modules);
  try {
    git(repo, ['worktree', 'remove', '--force', dir]);
  } catch {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    git(repo, ['worktree', 'prune']);
  }
}
