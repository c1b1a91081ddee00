import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditBatch } from '../../src/batch/audit-batch.js';
import { folderSource } from '../../src/io/read-batch-input.js';
import { cli, readFixture, shippedCatalog } from '../helpers.js';

/** A batch folder: two good transcripts around a folder named d.json and a FIFO named f.json, and one past the size limit. */
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'credstack-folder-'));
  writeFileSync(join(dir, 'a.json'), JSON.stringify(readFixture('ada-bs-complete.json')));
  mkdirSync(join(dir, 'd.json'));
  execFileSync('mkfifo', [join(dir, 'f.json')]);
  writeFileSync(join(dir, 'g.json'), JSON.stringify(readFixture('gia-badge-pathway.json')));
  writeFileSync(join(dir, 'h.json'), JSON.stringify({ learner: { id: 'h' }, awards: [], padding: 'x'.repeat(40_000) }));
  return dir;
};

describe('a batch folder with entries that cannot be read', () => {
  it('each such entry is one error record and the batch goes on', async () => {
    const dir = folder();
    const records = [];
    for await (const record of auditBatch(shippedCatalog(), folderSource(dir, { maxBytes: 30_000 }).inputs, {
      all: true,
    }))
      records.push(record);
    expect(records.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, true],
      [5, false],
    ]);
    expect(records[1]).toMatchObject({
      error: `${join(dir, 'd.json')}: expected a regular file, got a folder [unreadable-file]`,
    });
    expect(records[2]).toMatchObject({
      error: `${join(dir, 'f.json')}: expected a regular file, got a FIFO (named pipe) [unreadable-file]`,
    });
    expect(records[4]).toMatchObject({
      error: `${join(dir, 'h.json')}: expected at most 30000 bytes (CREDSTACK_MAX_INPUT_BYTES raises the limit), got 40047 bytes [too-large]`,
    });
  });

  it('credstack batch writes every record, counts the errors and exits 1', async () => {
    const dir = folder();
    const out = join(dir, 'out.ndjson');
    const run = await cli(['batch', dir, '--all', '--workers', '1', '--out', out], {
      env: { CREDSTACK_MAX_INPUT_BYTES: '30000' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/batch: 5 records .*; 3 errors;/);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.line ?? l.learner.id)).toEqual(['s-1001', 2, 3, expect.any(String), 5]);
  });
});
