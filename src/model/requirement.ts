import { z } from 'zod';
import { Condition } from './condition.js';

/**
 * A node of a program's requirement tree (SPEC section 4). Its shape is told by which one of
 * `all`, `any`, `credential`, `where` or `program` it carries; every node may carry `id`,
 * `label`, `minGrade`, `maxCredits` and `share`.
 */
export interface Requirement {
  id?: string;
  label?: string;
  minGrade?: string;
  maxCredits?: number;
  share?: boolean;
  all?: Requirement[];
  any?: Requirement[];
  need?: number;
  credential?: string;
  where?: Condition;
  credits?: number;
  count?: number;
  program?: string;
}

/** The keys that tell a requirement's shape; exactly one must be present. */
export const REQUIREMENT_SHAPES = ['all', 'any', 'credential', 'where', 'program'] as const;

const RequirementObject = z
  .object({
    id: z.string().min(1).optional(),
    label: z.string().optional(),
    minGrade: z.string().optional(),
    maxCredits: z.number().nonnegative().optional(),
    share: z.boolean().optional(),
    all: z.array(z.lazy(() => Requirement)).optional(),
    any: z.array(z.lazy(() => Requirement)).optional(),
    need: z.number().int().positive().optional(),
    credential: z.string().min(1).optional(),
    where: Condition.optional(),
    credits: z.number().nonnegative().optional(),
    count: z.number().int().positive().optional(),
    program: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((node, ctx) => {
    const shapes = REQUIREMENT_SHAPES.filter((key) => node[key] !== undefined);
    if (shapes.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `exactly one of ${REQUIREMENT_SHAPES.join(', ')} (found ${shapes.length === 0 ? 'none' : shapes.join(', ')})`,
      });
      return;
    }
    if (node.need !== undefined && node.any === undefined) ctx.addIssue({ code: 'custom', path: ['need'], message: '"need" only with "any"' });
    if (node.any && node.need !== undefined && node.need > node.any.length)
      ctx.addIssue({ code: 'custom', path: ['need'], message: `a need of at most ${node.any.length} (the number of options)` });
    if (node.where !== undefined && (node.credits === undefined) === (node.count === undefined))
      ctx.addIssue({ code: 'custom', message: 'a "where" requirement with exactly one of "credits" or "count"' });
    if (node.where === undefined && (node.credits !== undefined || node.count !== undefined))
      ctx.addIssue({ code: 'custom', message: '"credits" and "count" only with "where"' });
  });

/** Zod schema of {@link Requirement}. */
export const Requirement: z.ZodType<Requirement> = RequirementObject.meta({ id: 'Requirement' });
