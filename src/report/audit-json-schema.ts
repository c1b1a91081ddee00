import * as z from 'zod';
import { EXPLANATION_CODES, REASON_CODES } from '../explain/reasons.js';
import { describedRef } from '../model/schema-meta.js';
import { Learner } from '../model/transcript.js';

/**
 * The JSON Schema of `credstack audit --format json` (SPEC section 8), from zod schemas that
 * mirror the result types: every object is strict, so a field the output gains without the
 * schema fails the test that validates every fixture's audit against it.
 */
const Amount = z
  .object({
    count: z.number().optional().describe('Items'),
    credits: z.number().optional().describe('Credits, in the program unit'),
  })
  .strict();
/** A program's status. */
export const Status = z.enum(['complete', 'in-progress', 'incomplete']);
const RequirementStatus = z.enum(['complete', 'in-progress', 'incomplete', 'not-needed', 'not-applicable']);

/** A reason or explanation as output: its stable code, its parameters and its wording. */
export const Worded = (codes: readonly [string, ...string[]]) =>
  z
    .object({
      code: z.enum(codes).meta({ description: 'Stable code: what decided it' }),
      message: z.string().meta({ description: 'The code and its parameters in words' }),
    })
    .catchall(z.unknown())
    .meta({ description: 'Parameters of the code besides code and message' });

/** An item applied to a requirement (or falling through toward a total). */
export const AppliedItem = z
  .object({
    award: z.string().meta({ description: 'The award id on the transcript' }),
    credential: z.string().optional().meta({ description: 'The catalog credential it counts as' }),
    title: z.string().optional().describe('An award of no catalog credential (inline): its title, else its code'),
    credits: z.number().meta({ description: 'Credits it counts here, after limits' }),
    capped: z.number().optional().meta({ description: 'Credits a cap kept from counting' }),
    inProgress: z.literal(true).optional().describe('Counted once it is completed (an in-progress award)'),
    exception: z
      .object({
        type: z.enum(['substitute', 'apply']).describe('The exception that put it here: substitute or apply'),
        reason: z.string().describe('Why it was granted'),
        by: z.string().optional().describe('Who granted it'),
      })
      .strict()
      .optional()
      .describe('A registrar exception put it here'),
    components: z.array(z.string()).optional().meta({ description: 'A nested program: the awards it is made of' }),
    hypothetical: z.literal(true).optional().meta({ description: 'What-if: a planned award' }),
    alsoIn: z.array(z.string()).optional().meta({ description: 'Listed double counting: the other requirements' }),
  })
  .strict();

type AssertNode = z.infer<typeof AssertBase> & { children?: AssertNode[] };
const AssertBase = z.object({
  kind: z.enum(['all', 'any', 'where']).describe('Its shape: all, any, or a where leaf'),
  label: z.string().optional().describe('Its name in the catalog'),
  status: Status.describe('Whether it holds: complete, in-progress or incomplete'),
  atMost: z.literal(true).optional().describe('A ceiling (maxCount or maxCredits): have must not pass need'),
  distinct: z.string().optional().describe('The fact whose values must differ pairwise among the items counted'),
  need: Amount.describe('What it asks for'),
  have: Amount.describe('What the counted items give it'),
});
const AssertResult: z.ZodType<AssertNode> = AssertBase.extend({
  children: z
    .array(z.lazy(() => AssertResult))
    .optional()
    .describe('Its child nodes'),
})
  .strict()
  .meta({ id: 'AssertResult', description: 'A node of an assert ("among the counted")' });

const Remaining = z
  .object({
    credits: z.number().optional().describe('Credits still missing'),
    count: z.number().optional().describe('Items still missing'),
    options: z
      .array(
        z
          .object({
            credential: z.string().describe('The catalog credential id'),
            title: z.string().describe('Its title'),
            credits: z.number().meta({ description: "What it would count here, in the program's unit" }),
          })
          .strict()
          .describe('A catalog credential that would meet it'),
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
  id: z
    .string()
    .describe(
      "Its id: the catalog's, else the credential or program it names, else its parent's and its index (core.2)",
    ),
  label: z.string().optional().describe('Its name in the catalog'),
  kind: z.enum(['all', 'any', 'credential', 'program', 'where']).describe('Its kind'),
  credential: z.string().optional().meta({ description: 'A credential or program leaf: the credential it names' }),
  status: RequirementStatus.describe(
    'complete, in-progress, incomplete, not-needed (an alternative others already meet) or not-applicable (its when is false)',
  ),
  need: Amount.optional().describe('What it asks for'),
  have: Amount.optional().describe('What the items applied give it'),
  shared: z.literal(true).optional().describe('Its items may also count elsewhere in the program (share)'),
  waived: z
    .object({
      reason: z.string().describe('Why it was waived'),
      by: z.string().optional().describe('Who waived it'),
      credits: z.number().optional().describe('The credits waived, when only some were'),
    })
    .strict()
    .optional()
    .describe('A registrar exception waived it, wholly or in part'),
  applied: z.array(AppliedItem).describe('The items applied to it'),
  assert: AssertResult.optional().describe('Its assert ("among the counted") and whether it holds'),
  remaining: Remaining.optional().describe('What is missing, on a needed unmet node: ready to show'),
  hypothetical: z.literal(true).optional().describe('What-if: its status differs from the real audit'),
});
const RequirementResult: z.ZodType<RequirementNode> = RequirementBase.extend({
  children: z
    .array(z.lazy(() => RequirementResult))
    .optional()
    .describe('Its child nodes'),
})
  .strict()
  .meta({ id: 'RequirementResult', description: 'A requirement node with its result' });

const PolicyResult = z
  .object({
    id: z.string().describe('The policy: total-credits, residency, min-gpa, or the id of a limit'),
    label: z.string().describe('Its name in words'),
    status: Status.optional().describe('Whether it is met (limits, which only clip, have none)'),
    need: z.number().optional().describe('What it asks for: credits, or a GPA'),
    have: z.number().nullable().optional().describe('What the learner has; null for a GPA with no graded credit yet'),
    clipped: z.number().optional().describe('A credit limit: the credits it kept from counting'),
    maxCount: z.number().optional().describe('A count limit: the most items that count'),
    count: z.number().optional().describe('A count limit: the items that count under it'),
  })
  .strict()
  .describe('A program-wide policy and whether it is met');

const ProgramAudit = z
  .object({
    program: z.string().describe('The program id'),
    title: z.string().describe('The program title'),
    asOf: z.string().describe('The date the audit is as of, YYYY-MM-DD'),
    status: Status.describe('complete, in-progress (met once in-progress awards finish) or incomplete'),
    version: z
      .object({
        from: z.string().optional().describe('The first catalog date of the version'),
        to: z.string().optional().describe('The last catalog date of the version'),
      })
      .strict()
      .optional()
      .describe('The program version audited (catalog years)'),
    optimal: z.boolean().meta({ description: 'False when the search budget ran out' }),
    credits: z
      .object({
        applied: z
          .number()
          .describe('Credits applied to requirements (and fall-through, when the program has totalCredits)'),
        required: z.number().nullable().describe('The credits the program needs in all; null when it states none'),
        unit: z.string().describe('The unit of these credits'),
      })
      .strict()
      .describe('Credits applied and required'),
    requirements: describedRef(RequirementResult, 'The requirement tree with its results'),
    policies: z.array(PolicyResult).describe('Program-wide policies and whether each is met'),
    fallThrough: z.array(AppliedItem).describe('Items that count toward the program but toward no requirement'),
    unused: z
      .array(
        z
          .object({
            award: z.string().describe('The award id on the transcript'),
            credential: z.string().optional().describe('The credential the award is of'),
            title: z
              .string()
              .optional()
              .describe('An award of no catalog credential (inline): its title, else its code'),
            reasons: z.array(Worded(REASON_CODES)).describe('Why it does not count'),
          })
          .strict(),
      )
      .describe('Awards that do not count, and why'),
    explanations: z.array(Worded(EXPLANATION_CODES)).describe('Every decision that shaped the audit, as data'),
    hypothetical: z.literal(true).optional().describe('A what-if audit'),
    stillNeeded: z
      .array(z.string())
      .optional()
      .meta({ description: 'The fewest credits of catalog credentials that complete it (the exact plan)' }),
  })
  .strict();

/** Zod schema of the audit JSON output (`AuditReportJson`). */
export const AuditReportJsonSchema = z
  .object({
    learner: describedRef(Learner, 'Who the transcript is of'),
    asOf: z.string().describe('The date the audit is as of, YYYY-MM-DD'),
    audits: z.array(ProgramAudit).describe('One audit per program, nested programs first'),
    notices: z
      .array(
        z
          .object({
            code: z.string().describe('Stable code: what the conversion did'),
            message: z.string().describe('The code and its parameters in words'),
          })
          .catchall(z.unknown())
          .meta({ description: 'What converting badges or EU credentials assumed or left out' }),
      )
      .optional()
      .describe('Notices of the conversion, when the input was Open Badges, CLR or ELM credentials'),
  })
  .strict()
  .meta({ id: 'AuditReport', description: 'credstack audit --format json (SPEC section 8)' });

const PathwayPlanJson = z
  .object({
    target: z.string().describe('The program the plan completes'),
    credentials: z.array(z.string()).describe('The catalog credentials to earn, in id order'),
    steps: z
      .array(
        z
          .object({
            step: z.number().describe('Its place in the order, from 1'),
            term: z.string().optional().describe('A term-by-term plan: the term, YEAR-TERM (2026-fall)'),
            credits: z.number().optional().describe('A term-by-term plan: the credits taken that term'),
            credentials: z.array(z.string()).describe('What to earn in this step'),
          })
          .strict()
          .describe('Credentials that can be earned together once the steps before are done'),
      )
      .describe('The credentials in prerequisite order (one step a term, when scheduled)'),
    cost: z
      .object({
        credits: z.number().describe("Credits the plan adds, in the program's unit"),
        items: z.number().describe('How many credentials'),
        terms: z.number().optional().describe('Terms the schedule takes, when scheduled'),
      })
      .strict()
      .describe('What the plan costs'),
    proven: z.boolean().describe('True when the solver proved no cheaper plan exists'),
  })
  .strict()
  .meta({ id: 'PathwayPlan', description: 'A way to complete a program: what to earn, in what order' });

/** Zod schema of the plan JSON output (`PlanResultJson`). */
export const PlanResultJsonSchema = z
  .object({
    best: PathwayPlanJson.nullable().describe('The cheapest plan, or null when none was found'),
    alternatives: z
      .array(PathwayPlanJson)
      .describe('The next cheapest plans, each leaving out a credential of those before'),
    reason: z.string().optional().describe('Why no plan was found, when none was'),
  })
  .strict()
  .meta({ id: 'PlanResult', description: 'credstack plan --format json (SPEC section 10)' });
