import * as z from 'zod/mini';
import { describedCondition } from '../../model/condition.js';
import { described } from '../../model/schema-meta.js';
import type { WhereRequirement } from '../../model/requirement.js';
import type { RequirementKind } from '../kind.js';
import { leafMeetsNeed } from '../mip-rows.js';

/** Scalar facts a `where` leaf may ask to be pairwise different among the items it counts. */
export const DISTINCT_FACTS = ['subject', 'level', 'term', 'issuer', 'kind', 'source', 'code', 'id', 'number'] as const;

/**
 * `{ "where": COND, "credits": 9 }` or `{ "where": COND, "count": 2 }`: matching items add up;
 * with `"distinct": "subject"` only items whose subjects differ pairwise (SPEC section 4).
 */
export const whereKind: RequirementKind<WhereRequirement> = {
  tell: 'where',
  keys: ['where', 'credits', 'count', 'distinct'],
  shape: 'leaf',
  fields: () => ({
    where: describedCondition('A leaf over the items matching this condition'),
    credits: z.optional(described(z.number().check(z.gte(0)), 'Met when matching items add up to this many credits')),
    count: z.optional(described(z.number().check(z.int(), z.gt(0)), 'Met when this many matching items apply')),
    distinct: z.optional(
      described(z.enum(DISTINCT_FACTS), 'Count only items whose value of this fact differs pairwise'),
    ),
  }),
  refine: (node, issue) => {
    if ((node.credits === undefined) === (node.count === undefined))
      issue([], 'a "where" requirement with exactly one of "credits" or "count"');
  },
  check: (node, context) => context.checkCondition(node.where, ['where']),
  children: () => [],
  childrenNeeded: () => undefined,
  leaf: (node) => ({
    where: node.where,
    ...(node.credits !== undefined
      ? { measure: 'credits', amount: node.credits }
      : { measure: 'count', amount: node.count ?? 1 }),
    ...(node.distinct !== undefined ? { distinct: node.distinct } : {}),
  }),
  mip: (_, model) => {
    leafMeetsNeed(model);
    // Values pairwise different: at most one application per value.
    for (const same of model.sameValue) if (same.length > 1) model.row(same, -Infinity, 1);
  },
};
