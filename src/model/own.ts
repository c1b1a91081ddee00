/**
 * The value a record holds under a user-given key as its own property: never one every object
 * inherits (`toString`, `constructor`, `__proto__`), which a plain `record[key]` would find.
 */
export function ownValue<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
