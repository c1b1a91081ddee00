import { z } from 'zod';
import { Condition } from '../../model/condition.js';
import type { WhereRequirement } from '../../model/requirement.js';
import type { RequirementKind } from '../kind.js';

/** `{ "where": COND, "credits": 9 }` or `{ "where": COND, "count": 2 }`: matching items add up. */
export const whereKind: RequirementKind<WhereRequirement> = {
  tell: 'where',
  keys: ['where', 'credits', 'count'],
  shape: 'leaf',
  fields: () => ({
    where: Condition,
    credits: z.number().nonnegative().optional(),
    count: z.number().int().positive().optional(),
  }),
  refine: (node, issue) => {
    if ((node.credits === undefined) === (node.count === undefined))
      issue([], 'a "where" requirement with exactly one of "credits" or "count"');
  },
  check: (node, context) => context.checkCondition(node.where, ['where']),
  children: () => [],
  childrenNeeded: () => undefined,
  leaf: (node) =>
    node.credits !== undefined
      ? { where: node.where, measure: 'credits', amount: node.credits }
      : { where: node.where, measure: 'count', amount: node.count ?? 1 },
};
