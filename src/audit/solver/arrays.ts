/**
 * A plain array of `length` copies of `value`: for the few dozen entries a solve needs, far
 * cheaper to make than a typed array (small typed arrays measured 10–20× dearer to make).
 */
export function filled(length: number, value: number): number[] {
  return new Array<number>(length).fill(value);
}
