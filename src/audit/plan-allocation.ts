import { childrenOf } from '../catalog/requirement-tree.js';
import { lcm, rational, times, type Rational } from '../model/rational.js';
import type { Requirement } from '../model/requirement.js';
import { gradeMeets } from '../rules/operators.js';
import type { AllocationProblem, PlanItem, PlanNode } from './allocation-problem.js';
import type { CreditItem } from './credit-items.js';
import type { PreparedCatalog, PreparedProgram } from './prepare-catalog.js';

/** Registrar exceptions that bear on one program, resolved to requirement nodes. */
export interface ProgramExceptions {
  /** Whole waivers (no `credits`) and partial ones (`credits` off a credits requirement). */
  readonly waivers: ReadonlyMap<Requirement, { readonly reason: string; readonly by?: string; readonly credits?: number }>;
  /** Awards pinned to a requirement; `force` also overrides why they could not count. */
  readonly pins: ReadonlyMap<string, { readonly node: Requirement; readonly force: boolean; readonly reason: string; readonly by?: string }>;
}

/** The allocation problem of one program, and the catalog objects behind its numbers. */
export interface ProgramPlan {
  readonly problem: AllocationProblem;
  /** Requirement nodes in the problem's order (depth-first pre-order). */
  readonly nodes: readonly Requirement[];
  readonly items: readonly CreditItem[];
  /** Ticks in one credit of the program's unit. */
  readonly ticksPerCredit: number;
  /** Whether each item may count at all in this pass. */
  readonly eligible: readonly boolean[];
  /** For an item that matches requirements only below their minimum grade: that grade. */
  readonly blockedByGrade: readonly (string | undefined)[];
}

/** Which awards a pass may count: finished ones only, or in-progress ones too. */
export interface PlanPass {
  readonly includeInProgress: boolean;
}

/** Turns a program, its credit items and its exceptions into the solver's numeric problem. */
export function planAllocation(prepared: PreparedCatalog, target: PreparedProgram, items: readonly CreditItem[], exceptions: ProgramExceptions, pass: PlanPass): ProgramPlan {
  const { program } = target;
  const policy = program.policy ?? {};
  const nodes: Requirement[] = [];
  const parents: number[] = [];
  const collect = (node: Requirement, parent: number) => {
    const index = nodes.push(node) - 1;
    parents.push(parent);
    childrenOf(node).forEach((child) => collect(child, index));
  };
  collect(program.requirements, -1);

  const amounts = [
    ...items.map((i) => i.credits),
    ...nodes.flatMap((n) => [n.credits, n.maxCredits].filter((v): v is number => v !== undefined).map((v) => rational(v))),
    ...[policy.totalCredits, policy.residency?.minCredits, ...(policy.limits ?? []).map((l) => l.maxCredits)].filter((v): v is number => v !== undefined).map((v) => rational(v)),
  ];
  const ticksPerCredit = amounts.reduce((common, amount) => lcm(common, amount.d), 1);
  const ticks = (value: Rational | number) => {
    const exact = times(typeof value === 'number' ? rational(value) : value, { n: ticksPerCredit, d: 1 });
    return exact.n / exact.d;
  };

  const waivedAbove = new Array<boolean>(nodes.length).fill(false);
  const waivedWhole = new Array<boolean>(nodes.length).fill(false);
  const sharedAt = new Array<boolean>(nodes.length).fill(false);
  const minGradeAt = new Array<string | undefined>(nodes.length);
  const planNodes: PlanNode[] = nodes.map((node, index) => {
    const parent = parents[index]!;
    const waiver = exceptions.waivers.get(node);
    const whole = waiver !== undefined && waiver.credits === undefined;
    waivedAbove[index] = parent >= 0 && (waivedAbove[parent]! || waivedWhole[parent]!);
    waivedWhole[index] = whole;
    sharedAt[index] = node.share === true || (parent >= 0 && sharedAt[parent]!);
    minGradeAt[index] = node.minGrade ?? (parent >= 0 ? minGradeAt[parent] : policy.minGrade);
    const children = nodes.flatMap((_, i) => (parents[i] === index ? [i] : []));
    const isLeaf = children.length === 0 && !node.all && !node.any;
    const creditsNeed = node.credits !== undefined ? Math.max(0, ticks(node.credits) - ticks(waiver?.credits ?? 0)) : undefined;
    return {
      parent,
      children,
      kind: node.all ? 'all' : node.any ? 'any' : 'leaf',
      need: node.any ? (node.need ?? 1) : isLeaf ? (creditsNeed ?? node.count ?? 1) : children.length,
      measure: creditsNeed !== undefined ? 'credits' : 'count',
      cap: node.maxCredits !== undefined ? ticks(node.maxCredits) : Infinity,
      waived: whole,
      shared: sharedAt[index]!,
    };
  });

  const leafIndices = planNodes.flatMap((n, i) => (n.kind === 'leaf' && !n.waived && !waivedAbove[i] ? [i] : []));
  const indexOfAward = new Map(items.map((item, i) => [item.awardId, i]));
  const residencySources = policy.residency?.sources;
  const eligible = items.map((item) => {
    const pin = exceptions.pins.get(item.awardId);
    const allowed = item.reasons.length === 0 || (pin?.force === true && item.status !== 'planned');
    return allowed && (item.status !== 'in-progress' || pass.includeInProgress);
  });
  const programGradeOk = (item: CreditItem) => item.grade === undefined || policy.minGrade === undefined || gradeMeets(prepared.context, item.grade, policy.minGrade);
  const gradeOk = (item: CreditItem, leaf: number) => {
    const min = minGradeAt[leaf];
    return item.grade === undefined || min === undefined || gradeMeets(prepared.context, item.grade, min);
  };
  const matches = (item: CreditItem, leaf: number) => gradeOk(item, leaf) && matchesIgnoringGrade(item, leaf);
  const matchesIgnoringGrade = (item: CreditItem, leaf: number) => {
    const node = nodes[leaf]!;
    if (node.credential !== undefined) return item.equivalents.has(node.credential);
    if (node.program !== undefined) return item.equivalents.has(node.program);
    return item.components === undefined && target.where.get(node)!(item.facts);
  };
  const planItems: PlanItem[] = items.map((item, index) => {
    const pin = exceptions.pins.get(item.awardId);
    const pinned = pin && eligible[index] ? nodes.indexOf(pin.node) : -1;
    const usable = eligible[index]! && pinned < 0;
    const isBundle = item.components !== undefined;
    return {
      ticks: isBundle ? 0 : ticks(item.credits),
      candidates: usable ? leafIndices.filter((leaf) => !planNodes[leaf]!.shared && matches(item, leaf)) : [],
      sharedCandidates: usable ? leafIndices.filter((leaf) => planNodes[leaf]!.shared && matches(item, leaf)) : [],
      pinned,
      limits: isBundle ? [] : target.limits.flatMap((test, limit) => (test(item.facts) ? [limit] : [])),
      points: isBundle ? null : item.points,
      resident: residencySources?.includes(item.source as never) ?? false,
      fallsThrough: eligible[index]! && !isBundle && policy.totalCredits !== undefined && programGradeOk(item),
      inProgress: item.status === 'in-progress',
      components: (item.components ?? []).flatMap((id) => {
        const c = indexOfAward.get(id);
        return c !== undefined && eligible[c] ? [c] : [];
      }),
    };
  });
  return {
    problem: {
      nodes: planNodes,
      items: planItems,
      policies: {
        ...(policy.totalCredits !== undefined ? { totalTicks: ticks(policy.totalCredits) } : {}),
        ...(policy.residency ? { residencyTicks: ticks(policy.residency.minCredits) } : {}),
        ...(policy.minGpa !== undefined ? { minGpa: policy.minGpa } : {}),
        limitCaps: (policy.limits ?? []).map((l) => ticks(l.maxCredits)),
      },
    },
    nodes,
    items,
    ticksPerCredit,
    eligible,
    blockedByGrade: items.map((item, index) => {
      if (!eligible[index] || planItems[index]!.candidates.length > 0 || planItems[index]!.sharedCandidates.length > 0) return undefined;
      const leaf = leafIndices.find((l) => !gradeOk(item, l) && matchesIgnoringGrade(item, l));
      return leaf === undefined ? (programGradeOk(item) ? undefined : policy.minGrade) : minGradeAt[leaf];
    }),
  };
}
