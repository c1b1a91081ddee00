import * as z from 'zod/mini';
import { described } from '../../model/schema-meta.js';
import { describeValue } from '../../model/issue.js';
import type { ProgramRequirement } from '../../model/requirement.js';
import type { RequirementKind } from '../kind.js';
import { leafMeetsNeed } from '../mip-rows.js';

/** `{ "program": "cert-data-analytics" }`: met when that program is complete (stacking). */
export const programKind: RequirementKind<ProgramRequirement> = {
  tell: 'program',
  keys: ['program'],
  shape: 'leaf',
  fields: () => ({
    program: described(
      z.string().check(z.minLength(1)),
      'Met when this program is complete for the learner (stacking)',
    ),
  }),
  refine: () => {},
  check: (node, context) => {
    if (!context.isProgram(node.program))
      context.report('unknown-reference', ['program'], 'the id of a catalog program', describeValue(node.program));
  },
  children: () => [],
  childrenNeeded: () => undefined,
  leaf: (node) => ({ counts: node.program, nested: true, measure: 'count', amount: 1 }),
  // The nested program's completion is the availability of its item (the model's part).
  mip: (_, model) => leafMeetsNeed(model),
};
