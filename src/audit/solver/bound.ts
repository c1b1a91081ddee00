import { COMPLETE_SCORE as COMPLETE, SCORE_TOLERANCE, type Score } from '../allocation-problem.js';
import { filled } from './arrays.js';
import { AssertReach } from './assert-reach.js';
import { leafMet, progressWithin, requirementsWithin, type BoundScratch } from './leaf-bounds.js';
import { PolicyReach } from './policy-reach.js';
import { mayHaveRoom } from './room.js';
import type { SearchState } from './state.js';

/**
 * An upper bound on the score of any allocation that completes the state's (the contested items
 * from depth k on undecided), the tightest of several relaxations, each valid: every undecided
 * item in every leaf it could go to; each leaf met needs at least so many more items, and only
 * so many are left (an open leaf left unmet takes down the groups that need it); each undecided
 * item adds progress to one leaf at most (a fractional knapsack). Requirements met by finished
 * work: the same on finished work only. Policies: what the items still undecided or used up can
 * bring ({@link PolicyReach}). An undecided item adds nothing where the search can no longer place
 * it ({@link UpperBound.findUnplaceable}). Made once per search: it allocates nothing per bound.
 */
export class UpperBound {
  /** What the policies can still reach: the search tells it which items it leaves out. */
  readonly policies: PolicyReach;
  /** What the asserts on requirement leaves can still reach. */
  private readonly asserts: AssertReach;
  /** Per leaf: what overlays count (every item matching them, in full), all and finished only. */
  private readonly shared: number[];
  private readonly sharedFinished: number[];
  private readonly anyInProgress: boolean;
  /**
   * Per undecided suffix of the contested items: the most one item can add to a leaf, the most
   * progress the items can add at all (each goes to one leaf only), and how many are finished work.
   */
  private readonly suffixMaxValue: number[];
  private readonly suffixGain: number[];
  private readonly suffixFinished: number[];
  private readonly met: number[];
  private readonly metFinished: number[];
  private readonly scratch: BoundScratch;
  private readonly openLeaves: Int32Array;
  private readonly openRoom: number[];
  private readonly openGain: number[];
  private readonly placedAll: { readonly placed: readonly number[]; readonly shared: readonly number[] };
  private readonly placedFinished: { readonly placed: readonly number[]; readonly shared: readonly number[] };
  /**
   * Per leaf: what the undecided items the search can no longer place there would add to it, all
   * and finished ones only (nonzero at the first `lostCount` of `lostAt` only); and the undecided
   * items it can place nowhere that bring something to the policies only when applied (the first
   * `unplaceableCount`, left out there meanwhile).
   */
  private readonly lost: number[];
  private readonly lostFinished: number[];
  private readonly lostAt: Int32Array;
  private lostCount = 0;
  private readonly unplaceable: Int32Array;
  private unplaceableCount = 0;
  /**
   * Per node and per item: no count cap over the leaf and no distinct values there; no limit on
   * the item and it may count. Then the leaf has room for the item while what it holds for sure,
   * with the item's least, stays short of its need ({@link findUnplaceable}'s quick test).
   */
  private readonly plainLeaf: Uint8Array;
  private readonly plainItem: Uint8Array;
  /** A bound goes over the leaves and the nodes a few times: charged as one pass over each. */
  private readonly steps: number;

  constructor(
    private readonly state: SearchState,
    private readonly contested: readonly number[],
  ) {
    const { problem, shape } = state.context;
    const { items } = problem;
    const { count, need, cap } = shape;
    this.policies = new PolicyReach(state);
    this.asserts = new AssertReach(state, contested);
    this.shared = filled(count, 0);
    this.sharedFinished = filled(count, 0);
    for (let index = 0; index < items.length; index++)
      for (const leaf of items[index]!.sharedCandidates) {
        const value = state.measures[leaf]!.overlay(index);
        this.shared[leaf]! += value;
        if (!items[index]!.inProgress) this.sharedFinished[leaf]! += value;
      }
    this.anyInProgress = items.some((item) => item.inProgress);
    this.suffixMaxValue = filled(contested.length + 1, 0);
    this.suffixGain = filled(contested.length + 1, 0);
    this.suffixFinished = filled(contested.length + 1, 0);
    for (let k = contested.length - 1; k >= 0; k--) {
      const index = contested[k]!;
      let gain = 0;
      let most = 0;
      for (const leaf of items[index]!.candidates) {
        const value = state.measures[leaf]!.most(index);
        most = Math.max(most, value);
        gain = Math.max(gain, need[leaf]! > 0 ? Math.min(1, Math.min(cap[leaf]!, value) / need[leaf]!) : 0);
      }
      this.suffixMaxValue[k] = Math.max(most, this.suffixMaxValue[k + 1]!);
      this.suffixGain[k] = this.suffixGain[k + 1]! + gain;
      this.suffixFinished[k] = this.suffixFinished[k + 1]! + (items[index]!.inProgress ? 0 : 1);
    }
    this.met = filled(count, 0);
    this.metFinished = filled(count, 0);
    this.openLeaves = new Int32Array(count);
    this.scratch = {
      needed: new Float64Array(count),
      open: new Int32Array(count),
      lost: filled(count, 0),
      down: filled(count, 0),
    };
    this.openRoom = filled(count, 0);
    this.openGain = filled(count, 0);
    this.lost = filled(count, 0);
    this.lostFinished = filled(count, 0);
    this.lostAt = new Int32Array(count);
    this.unplaceable = new Int32Array(contested.length);
    this.plainLeaf = new Uint8Array(count);
    for (let leaf = 0; leaf < count; leaf++)
      this.plainLeaf[leaf] =
        state.context.countCapsOver[leaf]!.length === 0 && !state.measures[leaf]!.mayRefuse ? 1 : 0;
    this.plainItem = new Uint8Array(items.length);
    for (let index = 0; index < items.length; index++)
      this.plainItem[index] = items[index]!.limits.length === 0 && state.context.counted.mayCount[index] ? 1 : 0;
    this.placedAll = { placed: state.placed, shared: this.shared };
    this.placedFinished = { placed: state.placedFinished, shared: this.sharedFinished };
    this.steps = count + shape.leafList.length;
  }

  /**
   * The bound at depth k. Against a score to beat, a component is worked out only when the ones
   * before it tie (else 0). With `subsets`, it bounds too every allocation that leaves out some
   * of the items placed (what a clean-up makes of one): each relaxation counts at most what the
   * items placed add, and fewer add no more, but for the GPA, which taking items out may raise.
   */
  score(k: number, against?: Score, subsets = false): Score {
    const { state } = this;
    const { shape } = state.context;
    const { leafList, need, waived } = shape;
    const { placed, potential, measures, ceiling } = state;
    state.steps += this.steps;
    const largest = this.suffixMaxValue[k]!;
    const { lost } = this;
    this.findUnplaceable(k);
    for (let j = 0; j < leafList.length; j++) {
      const leaf = leafList[j]!;
      const relaxed = Math.min(ceiling[leaf]!, placed[leaf]! + potential[leaf]! - lost[leaf]! + this.shared[leaf]!);
      this.met[leaf] = leafMet(shape, ceiling[leaf]!, leaf, relaxed);
    }
    if (this.asserts.any) this.asserts.cut(k, this.met);
    const itemsLeft = this.contested.length - k;
    const metCount = requirementsWithin(
      shape,
      measures,
      ceiling,
      this.met,
      this.placedAll,
      itemsLeft,
      largest,
      this.scratch,
    );
    const { policies, unplaceable, unplaceableCount } = this;
    const policiesMet = policies.met(subsets);
    const policiesProgress = unplaceableCount > 0 ? policies.progress() : -1;
    for (let u = unplaceableCount - 1; u >= 0; u--) policies.leaveOut(unplaceable[u]!, -1);
    if (this.met[0] && policiesMet === 3) return COMPLETE;
    const met = metCount + policiesMet;
    if (differs(met, against, 1)) return [0, met, 0, 0];
    const finished = this.anyInProgress ? Math.min(metCount, this.finishedBound(k)) : metCount;
    if (differs(finished, against, 2)) return [0, met, finished, 0];
    // Progress, worked out only now (about half the bounds are decided before it).
    let relaxedProgress = 0;
    let placedProgress = 0;
    const open = this.openLeaves;
    let opened = 0;
    for (let j = 0; j < leafList.length; j++) {
      const leaf = leafList[j]!;
      const shared = this.shared[leaf]!;
      const relaxed = Math.min(ceiling[leaf]!, placed[leaf]! + potential[leaf]! - lost[leaf]! + shared);
      const now = Math.min(ceiling[leaf]!, placed[leaf]! + shared);
      const target = need[leaf]!;
      const full = waived[leaf] === 1 || target === 0;
      const relaxedShare = full ? 1 : Math.min(1, relaxed / target);
      const nowShare = full ? 1 : Math.min(1, now / target);
      relaxedProgress += relaxedShare;
      placedProgress += nowShare;
      if (relaxedShare > nowShare) {
        this.openRoom[leaf] = relaxedShare - nowShare;
        this.openGain[leaf] = Math.min(1, measures[leaf]!.bound(largest) / target);
        open[opened++] = leaf;
      }
    }
    const progress = Math.min(
      relaxedProgress,
      placedProgress +
        Math.min(this.suffixGain[k]!, progressWithin(open, opened, this.openRoom, this.openGain, itemsLeft)),
    );
    return [0, met, finished, progress + (unplaceableCount > 0 ? policiesProgress : policies.progress())];
  }

  /**
   * Finds the undecided items (from depth k on) the search can no longer place at some of their
   * candidates: a leaf without room for an item ({@link mayHaveRoom}) gets none as more items are
   * placed (it holds more for sure, its count caps and limits fill up, its distinct values are
   * taken), so below this node the item adds nothing there ({@link lost}). An item placed nowhere
   * that counts only when applied is left out for the policies, until the bound takes it back. A
   * second application is skipped: where its original goes decides its room.
   */
  private findUnplaceable(k: number): void {
    const { state, contested, lost, lostFinished, lostAt, unplaceable, plainLeaf, plainItem } = this;
    const { items } = state.context.problem;
    const { need } = state.context.shape;
    const { measures, sureAll } = state;
    for (let l = 0; l < this.lostCount; l++) {
      lost[lostAt[l]!] = 0;
      lostFinished[lostAt[l]!] = 0;
    }
    let lostCount = 0;
    let unplaceableCount = 0;
    for (let j = k; j < contested.length; j++) {
      const index = contested[j]!;
      const item = items[index]!;
      if (item.copyOf !== undefined) continue;
      const { candidates } = item;
      state.steps += candidates.length;
      const plain = plainItem[index] === 1;
      let placeable = false;
      for (let c = 0; c < candidates.length; c++) {
        const leaf = candidates[c]!;
        // Quick: with no count cap, limit or distinct value, room while the leaf holds for sure,
        // with the item, less than its need (as mayHaveRoom finds, whatever its smallest item).
        if (
          (plain && plainLeaf[leaf] === 1 && sureAll[leaf]! + measures[leaf]!.least(index) < need[leaf]!) ||
          mayHaveRoom(state, leaf, index)
        ) {
          placeable = true;
          continue;
        }
        const value = measures[leaf]!.most(index);
        if (value <= 0) continue;
        // Each leaf listed once: the first time it loses something.
        if (lost[leaf] === 0) lostAt[lostCount++] = leaf;
        lost[leaf]! += value;
        if (!item.inProgress) lostFinished[leaf]! += value;
      }
      if (!placeable && this.policies.countsOnlyApplied(index)) {
        this.policies.leaveOut(index, 1);
        unplaceable[unplaceableCount++] = index;
      }
    }
    this.lostCount = lostCount;
    this.unplaceableCount = unplaceableCount;
  }

  /** Requirements that finished work could meet at most. */
  private finishedBound(k: number): number {
    const { state } = this;
    const { shape } = state.context;
    const { leafList } = shape;
    const { placedFinished, potentialFinished, measures, ceiling } = state;
    const { lostFinished } = this;
    state.steps += this.steps;
    for (let j = 0; j < leafList.length; j++) {
      const leaf = leafList[j]!;
      const sum = placedFinished[leaf]! + potentialFinished[leaf]! - lostFinished[leaf]! + this.sharedFinished[leaf]!;
      this.metFinished[leaf] = leafMet(shape, ceiling[leaf]!, leaf, sum);
    }
    if (this.asserts.any) this.asserts.cut(k, this.metFinished, true);
    const { suffixFinished, suffixMaxValue, scratch } = this;
    return requirementsWithin(
      shape,
      measures,
      ceiling,
      this.metFinished,
      this.placedFinished,
      suffixFinished[k]!,
      suffixMaxValue[k]!,
      scratch,
    );
  }
}

/** Whether a bound's component already differs from that of the score it is compared with. */
function differs(bound: number, against: Score | undefined, component: number): boolean {
  return against !== undefined && Math.abs(bound - against[component]!) > SCORE_TOLERANCE;
}
