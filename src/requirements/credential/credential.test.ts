import { describe, expect, it } from 'vitest';
import { catalogIssues, parseNode } from '../../../test/support/requirement-kinds.js';
import { credentialKind } from './credential.js';

describe('credential', () => {
  it('is a leaf that takes one item counting as the credential', () => {
    const { node } = parseNode({ credential: 'A' });
    expect(credentialKind.leaf(node as never)).toEqual({ counts: 'A', measure: 'count', amount: 1 });
  });

  it('names a catalog credential (a program is one too)', () => {
    expect(catalogIssues({ all: [{ credential: 'nested' }, { credential: 'NOPE' }] })).toEqual([
      { code: 'unknown-reference', path: ['all', 1, 'credential'], received: '"NOPE"' },
    ]);
  });
});
