import { describe, expect, it } from 'vitest';
import { parseNode } from '../../../test/support/requirement-kinds.js';
import { anyKind } from './any.js';

describe('any', () => {
  it('needs one child by default, or `need`', () => {
    const one = parseNode({ any: [{ credential: 'A' }, { credential: 'B' }] }).node!;
    const two = parseNode({ any: [{ credential: 'A' }, { credential: 'B' }, { credential: 'C' }], need: 2 }).node!;
    expect([anyKind.childrenNeeded(one as never), anyKind.childrenNeeded(two as never), anyKind.shape]).toEqual([
      1,
      2,
      'any',
    ]);
  });

  it('cannot need more children than it has', () => {
    expect(parseNode({ any: [{ credential: 'A' }], need: 2 }).issues).toEqual([
      ['need', 'a need of at most 1 (the number of options)'],
    ]);
  });
});
