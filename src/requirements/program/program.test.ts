import { describe, expect, it } from 'vitest';
import { catalogIssues, parseNode } from '../../../test/support/requirement-kinds.js';
import { programKind } from './program.js';

describe('program', () => {
  it('is a leaf met by the nested program (stacking)', () => {
    const { node } = parseNode({ program: 'nested' });
    expect(programKind.leaf(node as never)).toEqual({ counts: 'nested', nested: true, measure: 'count', amount: 1 });
  });

  it('names a catalog program, not a course', () => {
    expect(catalogIssues({ program: 'A' })).toEqual([
      { code: 'unknown-reference', path: ['program'], received: '"A"' },
    ]);
  });
});
