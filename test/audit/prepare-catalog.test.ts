import { describe, expect, it } from 'vitest';
import { prepareCatalog } from '../../src/audit/prepare-catalog.js';
import { readCatalog } from '../../src/node.js';

describe('catalogs compiled for audits', () => {
  const loaded = readCatalog('rules');
  if (!loaded.ok) throw new Error('the shipped catalog does not load');
  const catalog = loaded.value;
  // The shipped BS in Data Science has a version for 2022-08-01 to 2025-07-31 and one after.
  const version = (date: string) =>
    prepareCatalog(catalog, '2026-05-01', date).programs.get('bs-data-science')!.program.effective?.from;

  it('is compiled once per audit date and choice of program versions, whatever the dates asked', () => {
    const first = prepareCatalog(catalog, '2026-05-01', '2023-09-01');
    expect(prepareCatalog(catalog, '2026-05-01', '2023-09-01')).toBe(first);
    // Another catalog date in force for the same versions: the same compiled catalog.
    expect(prepareCatalog(catalog, '2026-05-01', '2024-01-15')).toBe(first);
    expect(prepareCatalog(catalog, '2026-05-02', '2023-09-01')).not.toBe(first);
    expect(prepareCatalog(catalog, '2026-05-01', '2025-09-01')).not.toBe(first);
  });

  it('follows the versions in force on the catalog date', () => {
    expect(version('2023-09-01')).toBe('2022-08-01');
    expect(version('2025-09-01')).not.toBe('2022-08-01');
    expect(version('2023-09-01')).toBe('2022-08-01');
  });
});
