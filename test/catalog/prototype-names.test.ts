import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { convertCredentials } from '../../src/interop/convert-credentials.js';
import { readCatalog } from '../../src/io/read-catalog.js';
import type { Catalog } from '../../src/model/catalog.js';
import type { Condition } from '../../src/model/condition.js';
import { parseJsonText } from '../../src/model/parse.js';
import { compileCondition } from '../../src/rules/compile-condition.js';
import { evaluateWithEngine } from '../../src/rules/reference-engine.js';
import { cli, readFixture, shippedCatalog } from '../helpers.js';

/** Names every plain object inherits: a lookup that is not an own-property one finds them. */
const PROTOTYPE_NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];

/** A catalog as the loader sees it after JSON.parse (so `__proto__` stays an own key, as in a file). */
const fromJson = (json: unknown) => JSON.parse(JSON.stringify(json)) as unknown;
const catalogWith = (where: Condition, extra: Record<string, unknown> = {}) => ({
  institution: { id: 'x', name: 'X' },
  credentials: [{ id: 'c', kind: 'course', title: 'C', code: 'DATA 101' }],
  programs: [{ id: 'p', kind: 'certificate', title: 'P', requirements: { where, count: 1 } }],
  ...extra,
});
const loaded = (json: unknown): Catalog => {
  const result = loadCatalog([{ file: 'names.json', json: fromJson(json) }]);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe('user-given names that Object.prototype also has', () => {
  it.each(PROTOTYPE_NAMES)('an operator named %s is an unknown operator with its path, not a crash', (name) => {
    const result = loadCatalog([
      { file: 'names.json', json: fromJson(catalogWith({ fact: 'code', operator: name, value: 'x' })) },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([
        expect.objectContaining({
          code: 'unknown-operator',
          file: 'names.json',
          path: ['programs', 0, 'requirements', 'where', 'operator'],
          received: JSON.stringify(name),
        }),
      ]);
  });

  it.each(PROTOTYPE_NAMES)('a fact named %s is an unknown fact', (name) => {
    const result = loadCatalog([
      { file: 'names.json', json: fromJson(catalogWith({ fact: name, operator: 'equal', value: 'x' })) },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([
        expect.objectContaining({ code: 'unknown-fact', path: ['programs', 0, 'requirements', 'where', 'fact'] }),
      ]);
  });

  it('readCatalog returns the issue of an operator named toString in a credit rule instead of throwing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'credstack-names-'));
    const file = join(folder, 'catalog.json');
    const rule = {
      name: 'r',
      conditions: { all: [{ fact: 'code', operator: 'toString', value: 'x' }] },
      event: { type: 'tag', params: { tags: ['t'] } },
    };
    writeFileSync(
      file,
      JSON.stringify({ ...catalogWith({ fact: 'code', operator: 'equal', value: 'DATA 101' }), rules: [rule] }),
    );
    const result = readCatalog(file);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toMatchObject({
        code: 'unknown-operator',
        file,
        path: ['rules', 0, 'conditions', 'all', 0, 'operator'],
      });
  });

  it('the CLI prints one line for it and exits 1', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'credstack-names-'));
    const file = join(folder, 'catalog.json');
    writeFileSync(file, JSON.stringify(catalogWith({ fact: 'code', operator: 'constructor', value: 'x' })));
    const run = await cli(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: ${file} $.programs[0].requirements.where.operator: expected one of the operators equal, notEqual, in, notIn, contains, doesNotContain, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, matches, gradeAtLeast, earnedWithin, before, after, got "constructor" [unknown-operator]\n`,
    );
  });

  it('a compiled condition reads facts by own property only, as json-rules-engine does', async () => {
    const context = { gradeScale: {}, passingGrades: [], asOf: '2026-05-15' };
    for (const fact of PROTOTYPE_NAMES) {
      const condition = { fact, operator: 'equal', value: '[object Undefined]' } as Condition;
      expect(compileCondition(condition, context)({})).toBe(await evaluateWithEngine(condition, {}, context));
    }
    expect(
      compileCondition({ fact: 'toString', operator: 'equal', value: '[object Undefined]' } as Condition, context)({}),
    ).toBe(false);
    expect(() => compileCondition({ fact: 'code', operator: 'toString', value: 'x' } as Condition, context)).toThrow(
      'unknown operator toString',
    );
  });

  it('a `__proto__` key in a record of the catalog is an error, not silently dropped', () => {
    const text =
      '{"institution":{"id":"x","name":"X"},"settings":{"gradeScale":{"A":4,"__proto__":3},"conversions":{"__proto__":"1/2"}}}';
    const json = parseJsonText(text);
    if (!json.ok) throw new Error('bad test JSON');
    const result = loadCatalog([{ file: 'names.json', json: json.value }]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => [i.code, i.path])).toEqual([
        ['invalid-shape', ['settings', 'gradeScale', '__proto__']],
        ['invalid-shape', ['settings', 'conversions', '__proto__']],
      ]);
  });

  it('grades, units, ids and requirement ids named like prototype properties work as any other name', () => {
    const catalog = loaded({
      institution: { id: 'x', name: 'X' },
      settings: {
        unit: 'semester',
        gradeScale: { constructor: 4, toString: 1, valueOf: null },
        passingGrades: ['valueOf'],
        conversions: { hasOwnProperty: '1/2' },
      },
      credentials: [
        { id: 'constructor', kind: 'course', title: 'C', credits: { value: 6, unit: 'hasOwnProperty' } },
        { id: 'valueOf', kind: 'course', title: 'V', credits: { value: 1 } },
      ],
      programs: [
        {
          id: 'toString',
          kind: 'certificate',
          title: 'T',
          policy: { minGrade: 'toString' },
          requirements: {
            all: [
              { id: 'hasOwnProperty', credential: 'constructor' },
              { where: { fact: 'grade', operator: 'gradeAtLeast', value: 'constructor' }, credits: 3 },
            ],
          },
        },
      ],
    });
    const transcript = {
      learner: { id: 'l' },
      asOf: '2026-05-15',
      awards: [
        { id: 'a1', credential: 'constructor', grade: 'constructor', earned: '2025-01-10' },
        { id: 'a2', code: 'X 1', title: 'X', credits: { value: 3 }, grade: 'constructor', earned: '2025-01-10' },
      ],
    };
    const report = audit(catalog, transcript, { programs: ['toString'] });
    expect(report.ok && report.value.audits[0]).toMatchObject({
      program: 'toString',
      status: 'complete',
      credits: { applied: 6 },
    });
    const stale = audit(
      catalog,
      { ...transcript, exceptions: [{ type: 'waive', program: 'toString', requirement: 'constructor', reason: 'r' }] },
      { programs: ['toString'] },
    );
    expect(stale.ok).toBe(false);
    if (!stale.ok)
      expect(stale.issues[0]).toMatchObject({ code: 'invalid-exception', path: ['exceptions', 0, 'requirement'] });
    const unknownProgram = audit(
      catalog,
      { ...transcript, exceptions: [{ type: 'waive', program: 'valueOf', requirement: 'x', reason: 'r' }] },
      { programs: ['constructor'] },
    );
    expect(unknownProgram.ok).toBe(false);
  });

  it('an issuer named constructor has no unit of its own: its credits are in the catalog unit', () => {
    const catalog = loaded(
      catalogWith(
        { fact: 'credits', operator: 'greaterThanInclusive', value: 3 },
        { settings: { issuerUnits: { 'lakeside-cc': 'semester' } } },
      ),
    );
    const report = audit(
      catalog,
      {
        learner: { id: 'l' },
        asOf: '2026-05-15',
        awards: [{ id: 'b', title: 'Badge', issuer: 'constructor', credits: { value: 3 }, earned: '2025-01-10' }],
      },
      { programs: ['p'] },
    );
    expect(report.ok && report.value.audits[0]!.status).toBe('complete');
  });

  it('Open Badges: an issuer or achievement type named like a prototype property is taken as any unknown name', () => {
    const catalog = loaded(
      catalogWith(
        { fact: 'code', operator: 'equal', value: 'DATA 101' },
        {
          settings: {
            issuerUnits: { 'lakeside-cc': 'semester' },
            issuerAliases: { 'https://lakeside.edu': 'lakeside-cc' },
          },
        },
      ),
    );
    const badge = {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: 'urn:uuid:1',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'constructor', type: ['Profile'] },
      validFrom: '2025-01-10T00:00:00Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        achievement: {
          id: 'urn:a',
          type: ['Achievement'],
          name: 'A',
          achievementType: 'toString',
          creditsAvailable: 2,
        },
      },
    };
    const converted = convertCredentials(catalog, badge);
    expect(converted.ok && converted.value.transcript.awards[0]).toMatchObject({
      issuer: 'constructor',
      kind: 'badge',
      credits: { value: 2, unit: 'semester' },
    });
  });
});

describe('any string of a catalog or a transcript replaced by a prototype name', () => {
  const shipped = shippedCatalog();
  const transcript = readFixture('ada-bs-complete.json');
  /** A copy of `root` with one string (or, as a key, one object's key) replaced by `name`. */
  const mutate = (root: unknown, spot: number, name: string, asKey: boolean): unknown => {
    const copy = JSON.parse(JSON.stringify(root)) as unknown;
    const spots: { parent: Record<string, unknown>; key: string }[] = [];
    const walk = (node: unknown) => {
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' || (asKey && !Array.isArray(node)))
          spots.push({ parent: node as Record<string, unknown>, key });
        walk(value);
      }
    };
    walk(copy);
    const { parent, key } = spots[spot % spots.length]!;
    if (!asKey || Array.isArray(parent)) parent[key] = name;
    else {
      const value = parent[key];
      delete parent[key];
      Object.defineProperty(parent, name, { value, enumerable: true, configurable: true, writable: true });
    }
    return copy;
  };
  test.prop([fc.nat(), fc.constantFrom(...PROTOTYPE_NAMES, 'isPrototypeOf'), fc.boolean()], { numRuns: 40, seed: 11 })(
    'loading and auditing never throw',
    (spot, name, asKey) => {
      const catalog = loadCatalog([{ file: 'm.json', json: mutate(shipped, spot, name, asKey) }]);
      if (catalog.ok) expect(typeof audit(catalog.value, transcript as never, { all: true }).ok).toBe('boolean');
      expect(typeof audit(shipped, mutate(transcript, spot, name, asKey) as never, { all: true }).ok).toBe('boolean');
    },
  );
});
