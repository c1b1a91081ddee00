import * as z from 'zod/mini';
import { described } from '../../model/schema-meta.js';
import type { AllRequirement, Requirement } from '../../model/requirement.js';
import type { RequirementKind } from '../kind.js';
import { everyChildNeeded } from '../mip-rows.js';

/** `{ "all": [REQ, ...] }`: met when every child is met. */
export const allKind: RequirementKind<AllRequirement> = {
  tell: 'all',
  keys: ['all'],
  shape: 'all',
  fields: (child: z.ZodMiniType<Requirement>) => ({
    all: described(z.array(child), 'Met when every one of these is met'),
  }),
  refine: () => {},
  check: () => {},
  children: (node) => node.all,
  childrenNeeded: (node) => node.all.length,
  leaf: () => undefined,
  mip: (_, model) => everyChildNeeded(model),
};
