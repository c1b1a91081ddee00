import { describe, expect, it } from 'vitest';
import { catalogIssues, parseNode } from '../../../test/support/requirement-kinds.js';
import { whereKind } from './where.js';

const tagged = { fact: 'tags', operator: 'contains', value: 'x' };

describe('where', () => {
  it('measures matching items in credits or by count', () => {
    expect(whereKind.leaf(parseNode({ where: tagged, credits: 9 }).node as never)).toEqual({
      where: tagged,
      measure: 'credits',
      amount: 9,
    });
    expect(whereKind.leaf(parseNode({ where: tagged, count: 2 }).node as never)).toEqual({
      where: tagged,
      measure: 'count',
      amount: 2,
    });
  });

  it('needs exactly one of credits or count, and they belong to it alone', () => {
    expect(parseNode({ where: tagged }).issues).toEqual([
      ['', 'a "where" requirement with exactly one of "credits" or "count"'],
    ]);
    expect(parseNode({ credential: 'A', credits: 3 }).issues).toEqual([['credits', '"credits" only with "where"']]);
  });

  it('its condition is checked against the fact vocabulary', () => {
    expect(catalogIssues({ where: { fact: 'colour', operator: 'equal', value: 'red' }, count: 1 })).toEqual([
      { code: 'unknown-fact', path: ['where', 'fact'], received: '"colour"' },
    ]);
  });

  it('a credits need above a cap that applies is never completable', () => {
    expect(catalogIssues({ maxCredits: 6, all: [{ where: tagged, credits: 9 }] })).toEqual([
      { code: 'never-completable', path: ['all', 0, 'credits'], received: '9' },
    ]);
  });
});
