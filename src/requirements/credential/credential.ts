import * as z from 'zod/mini';
import { described } from '../../model/schema-meta.js';
import { describeValue } from '../../model/issue.js';
import type { CredentialRequirement } from '../../model/requirement.js';
import type { RequirementKind } from '../kind.js';
import { leafMeetsNeed } from '../mip-rows.js';

/** `{ "credential": "DATA-101" }`: met when an award of it (or of an equivalent) applies. */
export const credentialKind: RequirementKind<CredentialRequirement> = {
  tell: 'credential',
  keys: ['credential'],
  shape: 'leaf',
  fields: () => ({
    credential: described(
      z.string().check(z.minLength(1)),
      'Met when an award of this catalog credential (or of one a rule makes equivalent) applies',
    ),
  }),
  refine: () => {},
  check: (node, context) => {
    if (!context.isCredential(node.credential))
      context.report(
        'unknown-reference',
        ['credential'],
        'the id of a catalog credential',
        describeValue(node.credential),
      );
  },
  children: () => [],
  childrenNeeded: () => undefined,
  leaf: (node) => ({ counts: node.credential, measure: 'count', amount: 1 }),
  mip: (_, model) => leafMeetsNeed(model),
};
