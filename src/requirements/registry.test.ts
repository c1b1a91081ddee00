import { describe, expect, it } from 'vitest';
import type { RequirementKindName, WhereRequirement } from '../model/requirement.js';
import type { RequirementKind } from './kind.js';
import { KIND_NAMES, kindOf, REQUIREMENT_KINDS } from './registry.js';
import { whereKind } from './where/where.js';

describe('the requirement kinds registry', () => {
  it('tells every kind by its one key', () => {
    const nodes: Record<RequirementKindName, unknown> = {
      all: { all: [] },
      any: { any: [], need: 1 },
      credential: { credential: 'A' },
      where: { where: { fact: 'id', operator: 'equal', value: 'A' }, count: 1 },
      program: { program: 'p' },
    };
    expect(KIND_NAMES.map((name) => kindOf(nodes[name] as never))).toEqual(KIND_NAMES);
    expect(KIND_NAMES.map((name) => REQUIREMENT_KINDS[name].tell)).toEqual(KIND_NAMES);
  });

  it('a kind missing a part does not compile', () => {
    // @ts-expect-error: every RequirementKind says what a leaf takes (undefined for groups)
    const incomplete: RequirementKind<WhereRequirement> = { ...whereKind, leaf: undefined };
    expect(incomplete.tell).toBe('where');
  });
});
