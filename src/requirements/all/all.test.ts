import { describe, expect, it } from 'vitest';
import { catalogIssues, parseNode } from '../../../test/support/requirement-kinds.js';
import { allKind } from './all.js';

describe('all', () => {
  it('is a group that needs every child', () => {
    const { node } = parseNode({ all: [{ credential: 'A' }, { credential: 'B' }] });
    expect(
      node && [
        allKind.shape,
        allKind.childrenNeeded(node as never),
        allKind.children(node as never).length,
        allKind.leaf(node as never),
      ],
    ).toEqual(['all', 2, 2, undefined]);
  });

  it('takes no keys of other kinds', () => {
    expect(parseNode({ all: [{ credential: 'A' }], need: 1 }).issues).toEqual([['need', '"need" only with "any"']]);
  });

  it('its children are checked against the catalog, with their paths', () => {
    expect(catalogIssues({ all: [{ credential: 'A' }, { credential: 'NOPE' }] })).toEqual([
      { code: 'unknown-reference', path: ['all', 1, 'credential'], received: '"NOPE"' },
    ]);
  });
});
