import type { MipNode } from './kind.js';

/** A leaf is met only when what its items count reaches its need: Σ measured − need · met ≥ 0. */
export function leafMeetsNeed(model: MipNode): void {
  model.row([...model.measured, { variable: model.met, coefficient: -model.need }], 0, Infinity);
}

/** A group is met only when `count` of its children are: Σ children − count · met ≥ 0. */
export function groupNeeds(model: MipNode, count: number): void {
  model.row(
    [...model.children.map((variable) => ({ variable, coefficient: 1 })), { variable: model.met, coefficient: -count }],
    0,
    Infinity,
  );
}

/** A group is met only when each of its children is: met − child ≤ 0 (tighter than one sum). */
export function everyChildNeeded(model: MipNode): void {
  for (const child of model.children)
    model.row(
      [
        { variable: model.met, coefficient: 1 },
        { variable: child, coefficient: -1 },
      ],
      -Infinity,
      0,
    );
}
