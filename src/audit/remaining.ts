import type { RequirementResult } from './audit-result.js';

/**
 * How many requirements (leaves) are still open on the cheapest way to meet a node: none when it
 * is met or in progress; for an `any`, the cheapest of its open options.
 */
export function openRequirements(node: RequirementResult): number {
  if (node.status !== 'incomplete') return 0;
  // A node whose own need is met but whose assert is not: one thing open, the assert.
  if (!node.children || node.remaining?.assert) return 1;
  const open = node.children.filter((c) => c.status === 'incomplete').map(openRequirements);
  if (node.kind === 'all') return open.reduce((a, b) => a + b, 0);
  const missing = (node.need?.count ?? 1) - (node.have?.count ?? 0);
  return open
    .sort((a, b) => a - b)
    .slice(0, Math.max(0, missing))
    .reduce((a, b) => a + b, 0);
}

/**
 * The fewest credits a node still needs, as far as its `remaining` shows: a credit leaf its
 * missing credits, a count leaf its missing count times its cheapest option, an `all` the sum
 * over its children, an open `any` the cheapest of its alternatives still to choose. 0 when met.
 */
export function creditsStillNeeded(node: RequirementResult): number {
  const remaining = node.remaining;
  if (node.status !== 'incomplete' || !remaining || remaining.assert) return 0;
  if (!node.children) {
    if (remaining.credits !== undefined) return remaining.credits;
    const cheapest = Math.min(...(remaining.options ?? []).map((o) => o.credits));
    return Number.isFinite(cheapest) ? (remaining.count ?? 0) * cheapest : 0;
  }
  const open = node.children.filter((c) => c.status === 'incomplete').map(creditsStillNeeded);
  if (remaining.choose === undefined) return open.reduce((a, b) => a + b, 0);
  return open
    .sort((a, b) => a - b)
    .slice(0, remaining.choose)
    .reduce((a, b) => a + b, 0);
}
