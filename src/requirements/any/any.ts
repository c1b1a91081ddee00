import * as z from 'zod/mini';
import { described } from '../../model/schema-meta.js';
import type { AnyRequirement, Requirement } from '../../model/requirement.js';
import type { RequirementKind } from '../kind.js';
import { groupNeeds } from '../mip-rows.js';

/** `{ "any": [REQ, ...], "need": 2 }`: met when `need` children (default 1) are met. */
export const anyKind: RequirementKind<AnyRequirement> = {
  tell: 'any',
  keys: ['any', 'need'],
  shape: 'any',
  fields: (child: z.ZodMiniType<Requirement>) => ({
    any: described(z.array(child), 'Met when `need` of these are met'),
    need: z.optional(described(z.number().check(z.int(), z.gt(0)), 'How many of the options must be met (default 1)')),
  }),
  refine: (node, issue) => {
    if (node.need !== undefined && node.need > node.any.length)
      issue(['need'], `a need of at most ${node.any.length} (the number of options)`);
  },
  check: () => {},
  children: (node) => node.any,
  childrenNeeded: (node) => node.need ?? 1,
  leaf: () => undefined,
  mip: (_, model) => groupNeeds(model, model.need),
};
