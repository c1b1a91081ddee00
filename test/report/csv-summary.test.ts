import { describe, expect, it } from 'vitest';
import { auditBatchInput } from '../../src/batch/batch-record.js';
import { csvRows } from '../../src/report/csv-summary.js';
import { readFixture, shippedCatalog } from '../helpers.js';

/** The CSV rows of a transcript of the gia fixture whose learner id is `id`. */
const rowsFor = (id: string) => {
  const transcript = readFixture('gia-badge-pathway.json') as { learner: { id: string } };
  const text = JSON.stringify({ ...transcript, learner: { ...transcript.learner, id } });
  return csvRows(
    auditBatchInput(shippedCatalog(), { line: 7, source: 'in.ndjson', text }, { programs: ['digital-bronze'] }),
  );
};

describe('the CSV summary', () => {
  it('writes plain cells as they are', () => {
    expect(rowsFor('s-1001')).toEqual(['7,s-1001,digital-bronze,complete,0,,0,']);
  });

  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+2', `"'+1+2"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
  ])('escapes a cell that a spreadsheet would read as a formula (OWASP): %j → %s', (id, cell) => {
    expect(rowsFor(id)).toEqual([`7,${cell},digital-bronze,complete,0,,0,`]);
  });

  it('quotes commas, quotes and line breaks (RFC 4180), and leaves a formula character past the start alone', () => {
    expect(rowsFor('a,b')[0]).toBe('7,"a,b",digital-bronze,complete,0,,0,');
    expect(rowsFor('say "hi"')[0]).toBe('7,"say ""hi""",digital-bronze,complete,0,,0,');
    expect(rowsFor('a\nb')[0]).toBe('7,"a\nb",digital-bronze,complete,0,,0,');
    expect(rowsFor('a=b-c')[0]).toBe('7,a=b-c,digital-bronze,complete,0,,0,');
  });

  it('escapes the learner of an error record too', () => {
    const record = auditBatchInput(
      shippedCatalog(),
      {
        line: 3,
        source: 'in.ndjson',
        text: JSON.stringify({
          learner: { id: '=1+1' },
          asOf: '2026-01-01',
          awards: [{ id: 'a', credential: 'NO-SUCH' }],
        }),
      },
      { programs: ['digital-bronze'] },
    );
    expect(csvRows(record)[0]).toMatch(/^3,"'=1\+1",,error,,,,/);
  });
});
