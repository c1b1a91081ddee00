/** Counts of keys, shown in key order ("a ×2, b ×1"): a digest that two builds' results can be compared by. */
export class Tally {
  readonly #counts = new Map<string, number>();

  add(key: string, count = 1): void {
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + count);
  }

  toString(): string {
    return [...this.#counts]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, count]) => `${key} ×${count}`)
      .join(', ');
  }
}
