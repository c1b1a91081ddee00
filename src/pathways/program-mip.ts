import { appliedTwice, assertValueKey } from '../audit/allocation-problem.js';
import type { CreditItem } from '../audit/credit-items.js';
import type { ProgramPlan } from '../audit/plan-allocation.js';
import type { Policy } from '../model/program.js';
import type { MipNode } from '../requirements/kind.js';
import { nodeContext } from '../audit/solver/context.js';
import { kindModule } from '../requirements/registry.js';
import { type Linear, type LinearModel, sum, termsOf, variable, ZERO_LINEAR } from './linear-model.js';

/** How the rows of one program are tied to the rest of the plan's model. */
export interface ProgramLinks {
  /** Whether an item is there: 1 for a held award, a candidate's variable, a nested program's completion. */
  readonly availability: (item: CreditItem) => Linear;
  /** Whether a held award is one a planned retake would replace in this program. */
  readonly replacedByRetake: (item: CreditItem) => boolean;
  /** 1 for the target; for a nested program, its completion variable (its rows hold only when it is 1). */
  readonly completion: Linear;
  /** For an award inside a nested program's item: whether that program's rows use it up. */
  readonly consumedIn: (program: string, awardId: string) => Linear | undefined;
  /** The credit items the allocation problem was made from (an `all-graded` GPA reads them all). */
  readonly items: readonly CreditItem[];
  readonly policy: Policy;
}

/** One application of an item to a leaf: its 0/1 expression, and what it adds to credits there. */
interface Application {
  readonly item: number;
  readonly use: Linear;
  readonly pinned: boolean;
  credit?: Linear;
}

const GPA_SLACK = 1e-7;

/**
 * The rows of one program's allocation problem in the plan's MIP: an assignment variable per
 * item and leaf it may go to, a met variable per node (each kind adds its own rows), and the
 * caps, limits, totals, residency and GPA linearised over what the items count. Where the audit
 * decides by order (limits spent in tree order, overlays taking items until met) the rows relax
 * it: every allocation the audit can find is feasible here, so the model's optimum is a lower
 * bound, and the what-if audit judges each plan. Returns, per award, whether the rows use it up.
 */
export function programRows(model: LinearModel, plan: ProgramPlan, links: ProgramLinks): Map<string, Linear> {
  const { nodes, items, policies } = plan.problem;
  const applies = (i: number) => plan.applicable?.[i] ?? true;
  // A second application (listed double counting) is there when its original is.
  const base = (k: number) => items[k]!.copyOf ?? k;
  const isCopy = (k: number) => items[k]!.copyOf !== undefined;
  /** Originals with a second application: their home (where they spend limits) is the earlier of two places. */
  const twice = appliedTwice(items);
  const eligible = items.map((_, k) => plan.eligible[base(k)]!);
  const available = items.map((_, k) => (eligible[k] && !isCopy(k) ? links.availability(plan.items[k]!) : ZERO_LINEAR));

  // Applications: pins are there whenever the item is; the others are chosen.
  const atLeaf: Application[][] = nodes.map(() => []);
  const uses: Linear[][] = items.map(() => []);
  /** Per original item: its applications to leaves in a range of nodes (a sharing node's). */
  const usesIn = (k: number, from: number, to: number) =>
    atLeaf.slice(from, to).flatMap((apps) => apps.filter((a) => a.item === k).map((a) => a.use));
  items.forEach((p, k) => {
    if (!eligible[k]) return;
    if (p.pinned >= 0) {
      atLeaf[p.pinned]!.push({ item: k, use: available[k]!, pinned: true });
      uses[k]!.push(available[k]!);
    }
    for (const leaf of p.candidates) {
      const x = variable(model.binary());
      atLeaf[leaf]!.push({ item: k, use: x, pinned: false });
      uses[k]!.push(x);
    }
  });
  // A second application uses nothing up; it is there only while its original is applied under
  // the sharing node (originals come first, so their applications are all placed by now).
  items.forEach((p, k) => {
    if (!eligible[k] || p.copyOf === undefined) return;
    const copies = sum(...uses[k]!.map((u) => [1, u] as const));
    const original = sum(...usesIn(p.copyOf, p.within!.from, p.within!.to).map((u) => [1, u] as const));
    model.constrain(sum([1, copies], [-1, original]), -Infinity, 0);
    uses[k] = [];
  });

  // A nested program's item applied here uses up the awards its own rows use up (w = x ∧ U).
  const viaBundles: Linear[][] = items.map(() => []);
  const bundleParts = new Map<Application, { component: number; w: Linear }[]>();
  items.forEach((p, b) => {
    if (!eligible[b] || p.components.length === 0) return;
    const program = plan.items[b]!.credentialId!;
    for (const application of atLeaf.flatMap((apps) => apps.filter((a) => a.item === b))) {
      const parts: { component: number; w: Linear }[] = [];
      for (const c of p.components) {
        const used = links.consumedIn(program, plan.items[c]!.awardId);
        if (!used) continue;
        const w = variable(model.continuous(0, 1));
        // A held award a planned retake replaces here is not part of the nested item here (the
        // audit resolves repeats per program: the nested program may count it, this one not), so
        // the item need not use it up: only w ≤ x and w ≤ U then (a relaxation where it is part).
        if (!links.replacedByRetake(plan.items[c]!))
          model.constrain(sum([1, w], [-1, application.use], [-1, used]), -1, Infinity);
        model.constrain(sum([1, w], [-1, application.use]), -Infinity, 0);
        model.constrain(sum([1, w], [-1, used]), -Infinity, 0);
        parts.push({ component: c, w });
        viaBundles[c]!.push(w);
      }
      bundleParts.set(application, parts);
    }
  });

  // An award is used up once: by a leaf, or inside one nested program's item (the audit places a
  // nested program only while all of its components are free).
  const consumed: Linear[] = items.map((_, k) => {
    const total = sum(...uses[k]!.map((u) => [1, u] as const), ...viaBundles[k]!.map((w) => [1, w] as const));
    if (total.terms.length > 0) model.constrain(sum([1, total], [-1, available[k]!]), -Infinity, 0);
    return total;
  });

  // What each item counts: fall-through, counted at all, counted credits after limits.
  const fallThrough: (Linear | undefined)[] = [];
  const counts: Linear[] = [];
  const countedTicks: Linear[] = [];
  const limited: boolean[] = [];
  items.forEach((p, k) => {
    limited.push(p.limits.some((l) => policies.limitCaps[l]! < Infinity));
    if (!eligible[k] || p.components.length > 0 || isCopy(k)) {
      fallThrough.push(undefined);
      counts.push(consumed[k]!);
      countedTicks.push(ZERO_LINEAR);
      return;
    }
    let f: Linear | undefined;
    if (p.fallsThrough && p.limits.length === 0) f = sum([1, available[k]!], [-1, consumed[k]!]);
    else if (p.fallsThrough) {
      f = variable(model.binary());
      model.constrain(sum([1, consumed[k]!], [1, f], [-1, available[k]!]), -Infinity, 0);
    }
    fallThrough.push(f);
    const u = f ? sum([1, consumed[k]!], [1, f]) : consumed[k]!;
    counts.push(u);
    if (limited[k]) {
      const ticks = variable(model.continuous(0, p.ticks));
      model.constrain(sum([1, ticks], [-p.ticks, u]), -Infinity, 0);
      countedTicks.push(ticks);
    } else countedTicks.push(sum([p.ticks, u]));
  });
  /**
   * Credits an item adds where it is used: its ticks, no more than it counts after limits (a
   * second application: no more than its original counts).
   */
  const creditOf = (item: number, use: Linear): Linear => {
    const k = base(item);
    const ticks = items[k]!.ticks;
    if (!limited[k]) return sum([ticks, use]);
    const y = variable(model.continuous(0, ticks));
    model.constrain(sum([1, y], [-ticks, use]), -Infinity, 0);
    model.constrain(sum([1, y], [-1, countedTicks[k]!]), -Infinity, 0);
    return y;
  };
  const applicationCredit = (a: Application): Linear =>
    (a.credit ??= sum(
      [1, creditOf(a.item, a.use)],
      ...(bundleParts.get(a) ?? []).map(({ component, w }) => [1, creditOf(component, w)] as const),
    ));

  // Policy limits: credits clipped in all, items past a count counting nowhere.
  policies.limitCaps.forEach((cap, limit) => {
    const members = items.flatMap((p, k) => (eligible[k] && p.limits.includes(limit) ? [k] : []));
    if (cap < Infinity) model.constrain(sum(...members.map((k) => [1, countedTicks[k]!] as const)), -Infinity, cap);
    const most = policies.limitCountCaps[limit]!;
    // Inside a nested program's item an award counts with it whatever the limit: not in the count.
    const direct = (k: number) => sum([1, counts[k]!], ...viaBundles[k]!.map((w) => [-1, w] as const));
    if (most === Infinity) return;
    model.constrain(
      sum(...members.filter((k) => items[k]!.pinned < 0).map((k) => [1, direct(k)] as const)),
      -Infinity,
      most,
    );
    // But the audit spends a limit in tree order, an award inside a nested program's item too (it
    // counts with the item whatever is left): an item applied to a leaf counts only while the
    // finished awards inside nested items at leaves before it have left a slot.
    // (Only awards under this limit alone, which has no credit cap: they surely take a slot.)
    const takesSlot = (k: number) =>
      eligible[k]! &&
      !items[k]!.inProgress &&
      items[k]!.limits.length === 1 &&
      items[k]!.limits[0] === limit &&
      cap === Infinity;
    const inside: Linear[] = [];
    const before: Linear[] = [];
    for (const apps of atLeaf) {
      // An item that may be applied twice spends its slot at the earlier of its places, which these
      // rows do not know: it is left out of them (a relaxation).
      const direct = apps.filter((a) => !a.pinned && !isCopy(a.item) && !twice[a.item] && members.includes(a.item));
      if (inside.length > 0)
        for (const a of direct)
          model.constrain(
            sum(
              ...inside.map((w) => [1, w] as const),
              ...before.map((u) => [1, u] as const),
              ...direct.map((d) => [1, d.use] as const),
              [inside.length, a.use],
            ),
            -Infinity,
            most + inside.length,
          );
      before.push(...direct.map((a) => a.use));
      for (const a of apps)
        for (const { component, w } of bundleParts.get(a) ?? []) if (takesSlot(component)) inside.push(w);
    }
  });

  // Met variables, and each kind's rows.
  const met = nodes.map((node, i) =>
    !applies(i)
      ? model.fixed(0)
      : node.waived
        ? model.fixed(1)
        : node.measure === 'credits' && node.kind === 'leaf' && node.cap < node.need
          ? model.fixed(0)
          : model.binary(),
  );
  const measured = (leaf: number): Linear => {
    const node = nodes[leaf]!;
    if (node.shared)
      return sum(
        ...items.flatMap((p, k) =>
          eligible[k] && p.sharedCandidates.includes(leaf)
            ? [[node.measure === 'count' ? 1 : p.ticks, available[k]!] as const]
            : [],
        ),
      );
    return sum(
      ...atLeaf[leaf]!.map((a) =>
        node.measure === 'count' ? ([1, a.use] as const) : ([1, applicationCredit(a)] as const),
      ),
    );
  };
  nodes.forEach((node, i) => {
    if (!applies(i) || node.waived) return;
    const requirement = plan.nodes[i]!;
    const isLeaf = node.kind === 'leaf';
    const sameValue = new Map<number, Linear[]>();
    if (isLeaf && node.distinct)
      for (const a of atLeaf[i]!) {
        const key = items[a.item]!.distinctKeys?.get(i);
        if (key === undefined || a.pinned) continue;
        (sameValue.get(key) ?? sameValue.set(key, []).get(key)!).push(a.use);
      }
    const part: MipNode = {
      met: met[i]!,
      children: node.children.filter(applies).map((c) => met[c]!),
      need: node.need,
      measured: isLeaf ? termsOf(measured(i)) : [],
      sameValue: [...sameValue.values()].map((group) => termsOf(sum(...group.map((g) => [1, g] as const)))),
      row: (terms, lower, upper) => model.row(terms, lower, upper),
    };
    kindModule(requirement).mip(requirement, part);
  });
  model.constrain(sum([1, variable(met[0]!)], [-1, links.completion]), 0, Infinity);
  assertRows(model, plan, atLeaf, applicationCredit, (node) =>
    applies(node) && !nodes[node]!.waived ? met[node]! : -1,
  );
  everyItemNeeded(model, plan, atLeaf, applicationCredit);

  // Node count caps: pins take the slots first, those that surely count (see surelyCountingPin;
  // counting no others is a relaxation where they do count). An item applied twice takes one slot
  // under a node above both of its places: its second application takes none there.
  const end = nodeContext(plan.problem).subtreeEnd;
  const above = (n: number, from: number, to: number) => n <= from && end[n]! >= to;
  nodes.forEach((node, n) => {
    if (node.maxCount === Infinity) return;
    const under: Application[] = [];
    nodes.forEach((leafNode, leaf) => {
      if (leafNode.kind !== 'leaf' || leafNode.shared || leaf < n || leaf >= end[n]!) return;
      for (const a of atLeaf[leaf]!) {
        const within = items[a.item]!.within;
        if (!within || !above(n, within.from, within.to)) under.push(a);
      }
    });
    const pins = under.filter((a) => surelyCountingPin(items, a)).length;
    model.constrain(
      sum(...under.filter((a) => !a.pinned).map((a) => [1, a.use] as const)),
      -Infinity,
      Math.max(0, node.maxCount - pins),
    );
  });

  const completion = links.completion;
  // Totals: credits rolled up under node caps, plus fall-through. An item applied twice counts
  // once, at the first of its places: the original's credits alone are exact when no node cap
  // clips them on the sharing side (below the nodes above both places); otherwise the second
  // application's credits count too (an over-estimate: the what-if audit judges).
  if (policies.totalTicks !== undefined) {
    const capped = (from: number, to: number, leaf: number) => {
      for (let n = from; n < to; n++) if (nodes[n]!.cap < Infinity) return true;
      for (let n = nodes[from]!.parent; n >= 0 && !above(n, leaf, leaf + 1); n = nodes[n]!.parent)
        if (nodes[n]!.cap < Infinity) return true;
      return false;
    };
    const inTotal = (a: Application, leaf: number) => {
      const within = items[a.item]!.within;
      return !within || capped(within.from, within.to, leaf);
    };
    const credit: Linear[] = new Array(nodes.length);
    for (let i = nodes.length - 1; i >= 0; i--) {
      const node = nodes[i]!;
      let value =
        node.kind === 'leaf'
          ? node.shared
            ? ZERO_LINEAR
            : sum(...atLeaf[i]!.filter((a) => inTotal(a, i)).map((a) => [1, applicationCredit(a)] as const))
          : sum(...node.children.map((c) => [1, credit[c]!] as const));
      if (node.cap < Infinity && value.terms.length > 0) {
        const capped = variable(model.continuous(0, node.cap));
        model.constrain(sum([1, capped], [-1, value]), -Infinity, 0);
        value = capped;
      }
      credit[i] = value;
    }
    const fallen = items.flatMap((_, k) => {
      const f = fallThrough[k];
      return f ? [[1, creditOf(k, f)] as const] : [];
    });
    model.constrain(sum([1, credit[0]!], ...fallen, [-policies.totalTicks, completion]), 0, Infinity);
  }
  if (policies.residencyTicks !== undefined) {
    const resident = items.flatMap((p, k) =>
      eligible[k] && p.resident && p.components.length === 0 ? [[1, countedTicks[k]!] as const] : [],
    );
    model.constrain(sum(...resident, [-policies.residencyTicks, completion]), 0, Infinity);
  }
  gpaRows(model, plan, links, counts);
  const byAward = new Map<string, Linear>();
  items.forEach((p, k) => {
    if (eligible[k] && p.components.length === 0 && !isCopy(k)) byAward.set(plan.items[k]!.awardId, consumed[k]!);
  });
  return byAward;
}

/**
 * Whether a pinned application surely counts where it is pinned, and so takes a slot: finished
 * work under no policy limit. A pin of work in progress may give its slot up (the audit drops it
 * when finished work completes the program without it), and one a limit may clip to zero counts
 * nowhere (the audit spends a limit in tree order: work at an earlier leaf can take all of it).
 */
function surelyCountingPin(items: ProgramPlan['problem']['items'], a: Application): boolean {
  const item = items[a.item]!;
  return a.pinned && !item.inProgress && item.limits.length === 0;
}

/**
 * Asserts ("among the counted"), relaxed: a node is met only when its assert is, an at-least leaf
 * of an assert sees the applications under the node that match it (one per distinct value, or
 * per item when it is applied twice there: the value of a group is at most the sum of its
 * amounts and at most its largest), and an at-most leaf is taken as met (the model may count
 * items the limits or caps would drop, so it is left to the what-if audit).
 */
function assertRows(
  model: LinearModel,
  plan: ProgramPlan,
  atLeaf: readonly (readonly Application[])[],
  applicationCredit: (a: Application) => Linear,
  metOf: (node: number) => number,
): void {
  const { items, asserts } = plan.problem;
  (asserts ?? []).forEach((a, index) => {
    const owner = metOf(a.owner);
    if (owner < 0) return;
    // Per assert leaf: the amounts of the applications it sees, grouped by value.
    const groups = a.nodes.map(() => new Map<number, { amounts: Linear[]; most: number }>());
    for (let leaf = a.owner; leaf < a.to; leaf++)
      for (const app of atLeaf[leaf]!) {
        const item = items[app.item]!;
        for (const match of item.asserts ?? []) {
          if (match.assert !== index) continue;
          const node = a.nodes[match.leaf]!;
          if (node.atMost) continue;
          const byCount = node.measure === 'count';
          const key = assertValueKey(match, items, app.item);
          const group = groups[match.leaf]!;
          const entry = group.get(key) ?? group.set(key, { amounts: [], most: 0 }).get(key)!;
          entry.amounts.push(byCount ? app.use : applicationCredit(app));
          entry.most = Math.max(entry.most, byCount ? 1 : item.ticks);
        }
      }
    const met = a.nodes.map(() => model.binary());
    for (let j = a.nodes.length - 1; j >= 0; j--) {
      const node = a.nodes[j]!;
      if (node.kind !== 'leaf') {
        const need = node.kind === 'all' ? node.children.length : node.need;
        model.row(
          [
            ...node.children.map((c) => ({ variable: met[c]!, coefficient: 1 })),
            { variable: met[j]!, coefficient: -need },
          ],
          0,
          Infinity,
        );
        continue;
      }
      if (node.atMost) continue;
      const values = [...groups[j]!.values()].map(({ amounts, most }) => {
        const total = sum(...amounts.map((x) => [1, x] as const));
        if (amounts.length === 1) return total;
        const value = variable(model.continuous(0, most));
        model.constrain(sum([1, value], [-1, total]), -Infinity, 0);
        return value;
      });
      model.constrain(sum(...values.map((v) => [1, v] as const), [-node.need, variable(met[j]!)]), 0, Infinity);
    }
    model.row(
      [
        { variable: owner, coefficient: 1 },
        { variable: met[0]!, coefficient: -1 },
      ],
      -Infinity,
      0,
    );
  });
}

/**
 * The audit applies an item to a leaf only while the leaf is not met without it (README). A count
 * leaf so takes no more items than it needs (finished pins included: a pin of work in progress
 * leaves room for the finished work that meets the leaf by finished work; a leaf under an
 * assert has no such rows, since it takes items past its need when the assert needs them). A credits leaf: with the item, the
 * others stay under the need (whole ticks: at most need − 1), a row per application; only where it
 * can matter, in a program without total credits, whose unneeded items would not fall through
 * toward residency and the GPA anyway.
 */
function everyItemNeeded(
  model: LinearModel,
  plan: ProgramPlan,
  atLeaf: readonly (readonly Application[])[],
  applicationCredit: (a: Application) => Linear,
): void {
  const { nodes, items, policies } = plan.problem;
  // Under an assert a leaf takes items past its need (the assert may need them): no rows there.
  const { underAssert } = nodeContext(plan.problem);
  nodes.forEach((node, leaf) => {
    if (node.kind !== 'leaf' || node.shared || node.waived || underAssert[leaf]) return;
    const chosen = atLeaf[leaf]!.filter((a) => !a.pinned);
    if (chosen.length === 0) return;
    // A pin of work in progress does not make finished work unneeded: the audit adds finished
    // work to a leaf work in progress meets (it meets the leaf by finished work, a better score).
    const finishedPins = atLeaf[leaf]!.filter((a) => a.pinned && !items[a.item]!.inProgress);
    if (node.measure === 'count') {
      const pins = atLeaf[leaf]!.filter((a) => surelyCountingPin(items, a)).length;
      model.constrain(sum(...chosen.map((a) => [1, a.use] as const)), -Infinity, Math.max(0, node.need - pins));
      return;
    }
    if (policies.totalTicks !== undefined) return;
    const total = sum(...[...finishedPins, ...chosen].map((a) => [1, applicationCredit(a)] as const));
    const most = plan.problem.items.reduce((t, p, k) => t + (atLeaf[leaf]!.some((a) => a.item === k) ? p.ticks : 0), 0);
    const slack = Math.max(0, most - node.need + 1);
    // total − credit(a) ≤ need − 1 + slack · (1 − use(a)).
    for (const a of chosen)
      model.constrain(sum([1, total], [-1, applicationCredit(a)], [slack, a.use]), -Infinity, node.need - 1 + slack);
  });
}

/**
 * The GPA as a balance of grade points: Σ (points − min) · credits ≥ 0 over what counts (every
 * graded award that may count, under `all-graded`). An item a limit could clip to zero counts in
 * no GPA, so a low grade there is left out (the relaxation).
 */
function gpaRows(model: LinearModel, plan: ProgramPlan, links: ProgramLinks, counts: readonly Linear[]): void {
  const { items, policies } = plan.problem;
  const terms: (readonly [number, Linear])[] = [];
  if (policies.fixedGpa) {
    const min = links.policy.gpa!.min;
    for (const item of links.items) {
      if (item.components || item.points === null || !item.reasons.every((r) => r.code === 'failing-grade')) continue;
      const ticks = (item.credits.n * plan.ticksPerCredit) / item.credits.d;
      terms.push([(item.points - min) * ticks, links.availability(item)]);
    }
  } else if (policies.minGpa !== undefined) {
    const min = policies.minGpa;
    items.forEach((p, k) => {
      if (!plan.eligible[k] || p.components.length > 0 || p.points === null || p.ticks === 0) return;
      if (p.points < min && p.limits.length > 0) return;
      terms.push([(p.points - min) * p.ticks, counts[k]!]);
    });
  } else return;
  const deficit = terms.reduce((total, [c]) => total + Math.max(0, -c), 0);
  if (deficit === 0) return;
  // Held only when the program must be complete: ≥ −deficit · (1 − completion).
  model.constrain(sum(...terms, [-deficit, links.completion]), -deficit - GPA_SLACK, Infinity);
}
