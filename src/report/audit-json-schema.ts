import { z } from 'zod';
import { EXPLANATION_CODES, REASON_CODES } from '../explain/reasons.js';
import { Learner } from '../model/transcript.js';

/**
 * The JSON Schema of `credstack audit --format json` (SPEC section 8), from zod schemas that
 * mirror the result types: every object is strict, so a field the output gains without the
 * schema fails the test that validates every fixture's audit against it.
 */
const Amount = z.object({ count: z.number().optional(), credits: z.number().optional() }).strict();
const Status = z.enum(['complete', 'in-progress', 'incomplete']);
const RequirementStatus = z.enum(['complete', 'in-progress', 'incomplete', 'not-needed', 'not-applicable']);

const Worded = (codes: readonly [string, ...string[]]) =>
  z
    .object({
      code: z.enum(codes).meta({ description: 'Stable code: what decided it' }),
      message: z.string().meta({ description: 'The code and its parameters in words' }),
    })
    .catchall(z.unknown())
    .meta({ description: 'Parameters of the code besides code and message' });

const AppliedItem = z
  .object({
    award: z.string().meta({ description: 'The award id on the transcript' }),
    credential: z.string().optional().meta({ description: 'The catalog credential it counts as' }),
    credits: z.number().meta({ description: 'Credits it counts here, after limits' }),
    capped: z.number().optional().meta({ description: 'Credits a cap kept from counting' }),
    inProgress: z.literal(true).optional(),
    exception: z
      .object({ type: z.enum(['substitute', 'apply']), reason: z.string(), by: z.string().optional() })
      .strict()
      .optional(),
    components: z.array(z.string()).optional().meta({ description: 'A nested program: the awards it is made of' }),
    hypothetical: z.literal(true).optional().meta({ description: 'What-if: a planned award' }),
    alsoIn: z.array(z.string()).optional().meta({ description: 'Listed double counting: the other requirements' }),
  })
  .strict();

type AssertNode = z.infer<typeof AssertBase> & { children?: AssertNode[] };
const AssertBase = z.object({
  kind: z.enum(['all', 'any', 'where']),
  label: z.string().optional(),
  status: Status,
  atMost: z.literal(true).optional(),
  distinct: z.string().optional(),
  need: Amount,
  have: Amount,
});
const AssertResult: z.ZodType<AssertNode> = AssertBase.extend({
  children: z.array(z.lazy(() => AssertResult)).optional(),
})
  .strict()
  .meta({ id: 'AssertResult', description: 'A node of an assert ("among the counted")' });

const Remaining = z
  .object({
    credits: z.number().optional(),
    count: z.number().optional(),
    options: z
      .array(
        z
          .object({
            credential: z.string(),
            title: z.string(),
            credits: z.number().meta({ description: "In the program's unit" }),
          })
          .strict(),
      )
      .optional()
      .meta({ description: 'Catalog credentials that would meet it' }),
    choose: z.number().optional().meta({ description: 'An open any: alternatives still to choose' }),
    of: z.array(z.string()).optional().meta({ description: 'An open any: its open alternatives (ids)' }),
    assert: z.literal(true).optional().meta({ description: 'Its own need is met, its assert is not' }),
  })
  .strict();

type RequirementNode = z.infer<typeof RequirementBase> & { children?: RequirementNode[] };
const RequirementBase = z.object({
  id: z.string(),
  label: z.string().optional(),
  kind: z.enum(['all', 'any', 'credential', 'program', 'where']),
  credential: z.string().optional().meta({ description: 'A credential or program leaf: the credential it names' }),
  status: RequirementStatus,
  need: Amount.optional(),
  have: Amount.optional(),
  shared: z.literal(true).optional(),
  waived: z
    .object({ reason: z.string(), by: z.string().optional(), credits: z.number().optional() })
    .strict()
    .optional(),
  applied: z.array(AppliedItem),
  assert: AssertResult.optional(),
  remaining: Remaining.optional(),
  hypothetical: z.literal(true).optional(),
});
const RequirementResult: z.ZodType<RequirementNode> = RequirementBase.extend({
  children: z.array(z.lazy(() => RequirementResult)).optional(),
})
  .strict()
  .meta({ id: 'RequirementResult', description: 'A requirement node with its result' });

const PolicyResult = z
  .object({
    id: z.string(),
    label: z.string(),
    status: Status.optional(),
    need: z.number().optional(),
    have: z.number().nullable().optional(),
    clipped: z.number().optional(),
    maxCount: z.number().optional(),
    count: z.number().optional(),
  })
  .strict();

const ProgramAudit = z
  .object({
    program: z.string(),
    title: z.string(),
    asOf: z.string(),
    status: Status,
    version: z.object({ from: z.string().optional(), to: z.string().optional() }).strict().optional(),
    optimal: z.boolean().meta({ description: 'False when the search budget ran out' }),
    credits: z.object({ applied: z.number(), required: z.number().nullable(), unit: z.string() }).strict(),
    requirements: RequirementResult,
    policies: z.array(PolicyResult),
    fallThrough: z.array(AppliedItem),
    unused: z.array(
      z
        .object({ award: z.string(), credential: z.string().optional(), reasons: z.array(Worded(REASON_CODES)) })
        .strict(),
    ),
    explanations: z.array(Worded(EXPLANATION_CODES)),
    hypothetical: z.literal(true).optional(),
    stillNeeded: z
      .array(z.string())
      .optional()
      .meta({ description: 'The fewest credits of catalog credentials that complete it (the exact plan)' }),
  })
  .strict();

/** Zod schema of the audit JSON output (`AuditReportJson`). */
export const AuditReportJsonSchema = z
  .object({
    learner: Learner,
    asOf: z.string(),
    audits: z.array(ProgramAudit),
    notices: z
      .array(
        z
          .object({ code: z.string(), message: z.string() })
          .catchall(z.unknown())
          .meta({ description: 'What converting badges or EU credentials assumed or left out' }),
      )
      .optional(),
  })
  .strict()
  .meta({ id: 'AuditReport', description: 'credstack audit --format json (SPEC section 8)' });

/** JSON Schemas (draft 2020-12) of credstack's outputs, by file name. */
export function outputJsonSchemas(): Record<string, unknown> {
  return {
    'audit-result.schema.json': {
      $id: 'https://credstack.dev/schemas/audit-result.schema.json',
      ...z.toJSONSchema(AuditReportJsonSchema, { io: 'output', unrepresentable: 'any' }),
    },
  };
}
