import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { AuditOptionsSchema } from '../../src/audit/audit-input.js';
import { fastParser, isIsoDateText, NOT_SURE } from '../../src/model/fast-parse.js';
import { Transcript } from '../../src/model/transcript.js';
import { runs } from '../setup/fuzz.js';

/** A value with every object's keys in order and undefined fields kept: what toEqual alone does not compare. */
const layout = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(layout)
    : value !== null && typeof value === 'object'
      ? Object.entries(value).map(([key, v]) => [key, layout(v)])
      : value;

/** The schema's fast parser: generated the second time it is asked for. */
const parserOf = (schema: z.core.$ZodType) => fastParser(schema) ?? fastParser(schema);

/** The fast parser and zod agree: accepted by both or neither, and the same value (fields in the same order). */
function agree(schema: z.core.$ZodType, input: unknown): boolean {
  const fast = parserOf(schema)!(input);
  const zod = z.safeParse(schema, input);
  expect(fast !== NOT_SURE).toBe(zod.success);
  if (zod.success) expect(layout(fast)).toEqual(layout(zod.data));
  return zod.success;
}

/** Mostly a valid value, now and then one zod rejects. */
const mostly = (valid: fc.Arbitrary<unknown>, invalid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: invalid });
// Values a field may hold: of another type, empty, undefined (a present optional field) or an impossible date.
const text = mostly(fc.constantFrom('a', 'CSCI-101', 'x y', undefined), fc.constantFrom('', 3));
/** Two digits, or four: how a date writes its parts. */
const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Years whose Februaries differ: leap (divisible by 4, by 400), common (by 100 only, not by 4), year 0. */
const YEARS = [0, 1, 4, 100, 400, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9996, 9999];
/** A date written YYYY-MM-DD whose month and day may be out of range (month 0 or 13, day 0, or past the month's end). */
const someDate = fc
  .record({
    year: fc.constantFrom(...YEARS),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
  })
  .map(({ year, month, day }) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
const date = mostly(
  fc.oneof(fc.constantFrom('2024-05-15', '2024-02-29', '2026-01-01', '2025-12-31', '2000-02-29'), someDate),
  fc.constantFrom('2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '24-01-01', '2024-01-01\n', '', 7),
);
const number = mostly(
  fc.integer({ min: 0, max: 6 }),
  fc.constantFrom(-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, '3'),
);
const enumOf = (...values: string[]) => mostly(fc.constantFrom(...values), fc.constantFrom('other', 1));

/**
 * How an object holds its fields: as a plain object does, or one of them not enumerable, or
 * inherited from its prototype (enumerable or not, as a class's getter is), or with no prototype.
 */
const FORMS = ['plain', 'hidden', 'inherited', 'getter', 'bare'] as const;
type Form = (typeof FORMS)[number];

/** `object` held in `form`: the same fields as zod sees them (`key in object`, `object[key]`). */
function held(object: Record<string, unknown>, form: Form): object {
  const [first, ...rest] = Object.keys(object);
  if (form === 'plain' || first === undefined) return object;
  if (form === 'bare') return Object.assign(Object.create(null), object);
  if (form === 'hidden')
    return Object.defineProperty({ ...object }, first, { value: object[first], enumerable: false });
  const prototype =
    form === 'inherited'
      ? { [first]: object[first] }
      : Object.defineProperty({}, first, { get: () => object[first], enumerable: false });
  return Object.assign(Object.create(prototype), Object.fromEntries(rest.map((key) => [key, object[key]])));
}

/**
 * An object with some of `fields` (each present or absent), the `required` ones (valid values)
 * nearly always there, now and then a key of no field, and now and then held in another form.
 */
const someOf = (fields: Record<string, fc.Arbitrary<unknown>>, required: Record<string, unknown> = {}) =>
  fc
    .record({
      record: fc.record(fields, { requiredKeys: [] }),
      keep: mostly(fc.constant(true), fc.constant(false)),
      extra: mostly(fc.constant(null), fc.constantFrom('extra', 'toString', 'constructor')),
      form: fc.oneof({ weight: 20, arbitrary: fc.constant<Form>('plain') }, fc.constantFrom(...FORMS)),
    })
    .map(({ record, keep, extra, form }) => {
      const object: Record<string, unknown> = keep ? { ...required, ...record } : { ...record };
      if (extra !== null) object[extra as string] = 1;
      return held(object, form);
    });

const award = someOf(
  {
    id: mostly(fc.constantFrom('a1', 'a2', 'a3'), fc.constant('')),
    credential: text,
    kind: enumOf('course', 'badge'),
    title: text,
    code: text,
    number,
    credits: mostly(someOf({ value: number, unit: text }, { value: 3 }), fc.constant('3')),
    tags: mostly(fc.array(text, { maxLength: 3 }), fc.constant('t')),
    earned: date,
    expires: date,
    grade: text,
    term: text,
    status: enumOf('completed', 'in-progress', 'planned'),
    source: enumOf('institution', 'transfer'),
  },
  { id: 'a1', credential: 'C' },
);
const because = { program: 'p', requirement: 'q', reason: 'r' };
const exception = fc.oneof(
  someOf(
    { type: enumOf('waive'), program: text, requirement: text, reason: text, credits: number, by: text },
    { type: 'waive', ...because },
  ),
  someOf(
    { type: enumOf('substitute', 'apply'), program: text, requirement: text, reason: text, award: text },
    { type: 'apply', ...because, award: 'a1' },
  ),
);
const learner = someOf(
  {
    id: text,
    name: text,
    entered: date,
    catalogYear: date,
    declared: fc.array(text, { maxLength: 2 }),
    tags: fc.array(text, { maxLength: 2 }),
  },
  { id: 'l' },
);
const transcript = mostly(
  someOf(
    {
      $schema: text,
      learner: mostly(learner, fc.constant(null)),
      asOf: date,
      awards: mostly(fc.array(award, { maxLength: 4 }), fc.constant({})),
      exceptions: fc.array(exception, { maxLength: 2 }),
    },
    { learner: { id: 'l' }, awards: [] },
  ),
  fc.constantFrom(null, [], 'transcript', 3),
);

describe('the fast parser', () => {
  it('accepts exactly the transcripts zod accepts, with the same parsed value', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(transcript, (input) => {
        if (agree(Transcript, input)) accepted++;
        else rejected++;
      }),
      { numRuns: runs(3000) },
    );
    // The property saw both sides: valid transcripts and invalid ones.
    expect(Math.min(accepted, rejected)).toBeGreaterThan(100);
  });

  it('accepts exactly the audit options zod accepts', () => {
    const options = someOf({
      programs: fc.oneof(fc.array(text, { maxLength: 2 }), fc.constant('p')),
      all: fc.oneof(fc.boolean(), fc.constant('yes')),
      asOf: date,
      includePlanned: fc.boolean(),
      budget: number,
    });
    fc.assert(
      fc.property(options, (input) => void agree(AuditOptionsSchema, input)),
      { numRuns: runs(1000) },
    );
  });

  it('tests the checks it writes out as zod does: lengths in code points, bounds, integer formats, patterns', () => {
    // Strings with surrogate pairs (one code point, two units) and lone surrogates (one of each).
    const unit = fc.constantFrom('a', 'é', '\u{1F600}', '\uD800', '\uDC00', ' ');
    const string = fc.array(unit, { maxLength: 8 }).map((units) => units.join(''));
    const list = fc.array(fc.constant('x'), { maxLength: 3 });
    const number = fc.oneof(
      fc.constantFrom(0, -0, 1, -1, -1.5, 2, 3, 0.5, 2 ** 31, -(2 ** 31), 2 ** 32, 2 ** 53, -(2 ** 53), 2 ** 53 - 1),
      fc.constantFrom(3.5e38, -3.5e38, Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Number.POSITIVE_INFINITY),
      fc.double(),
    );
    const cases: [zm.ZodMiniType, fc.Arbitrary<unknown>][] = [
      [zm.string().check(zm.minLength(1)), string],
      [zm.string().check(zm.minLength(3)), string],
      [zm.string().check(zm.maxLength(3)), string],
      [zm.string().check(zm.length(2)), string],
      [zm.string().check(zm.minLength(2), zm.maxLength(4), zm.describe('d'), zm.meta({})), string],
      [zm.string().check(zm.regex(/a./g)), fc.constantFrom('ab', 'xab', 'a', 'b')],
      [zm.array(zm.string()).check(zm.minLength(1), zm.maxLength(2)), list],
      [zm.array(zm.string()).check(zm.length(2)), list],
      [zm.number().check(zm.gt(0)), number],
      [zm.number().check(zm.gte(-1.5), zm.lte(2)), number],
      [zm.number().check(zm.lt(3)), number],
      [zm.int(), number],
      [zm.number().check(zm.int(), zm.gte(0)), number],
      [zm.int32(), number],
      [zm.uint32(), number],
      [zm.float32(), number],
      [zm.iso.date(), fc.oneof(someDate, fc.string())],
    ];
    const input = fc.oneof(...cases.map(([schema, value]) => value.map((v) => [schema, v] as const)));
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(input, ([schema, value]) => {
        if (agree(schema, value)) accepted++;
        else rejected++;
      }),
      { numRuns: runs(3000) },
    );
    expect(Math.min(accepted, rejected)).toBeGreaterThan(500);
  });
  it('agrees with zod when a check parses the same schema again (a check site busy), and keeps no value after', () => {
    // The refinement adds its issue, then parses with the same schema: the inner parse must not
    // take the outer check's payload (and clear its issue).
    let inner: unknown = { n: 1 };
    const Counted: z.ZodType = z.object({ n: z.number() }).check(
      z.superRefine((value, ctx) => {
        if (value.n < 0) ctx.addIssue({ code: 'custom', message: 'negative' });
        if (inner !== undefined) {
          const again = inner;
          inner = undefined;
          parserOf(Counted)!(again);
          inner = again;
        }
      }),
    );
    parserOf(Counted);
    expect(agree(Counted, { n: -1 })).toBe(false);
    expect(agree(Counted, { n: 2 })).toBe(true);
    // The transcript's checks are written out but its refinement, the one check run through zod;
    // its payload lets go of the transcript once checked.
    const source = parserOf(Transcript)!.toString();
    expect(source.match(/_zod\.check\(/g)).toHaveLength(1);
    expect(source).toMatch(/\.busy = false; \S+\.value = undefined;/);
  });

  it('does not cover a check that rewrites the value (trim, toLowerCase)', () => {
    expect(parserOf(zm.string().check(zm.trim()))).toBeUndefined();
    expect(parserOf(zm.strictObject({ code: zm.string().check(zm.minLength(1), zm.toLowerCase()) }))).toBeUndefined();
  });

  it('reads a field that is not enumerable or inherited as zod does (present, with its value)', () => {
    for (const form of FORMS) {
      const awards = [
        { id: 'a1', grade: undefined, credential: 'C' },
        { id: 'a2', credential: 'C', grade: 'A' },
      ];
      const input = { learner: held({ id: 'l', name: 'N' }, form), awards: awards.map((award) => held(award, form)) };
      expect(agree(Transcript, input), form).toBe(true);
    }
  });

  it('reads a field Object.prototype is given as zod does, enumerable or not', () => {
    const input = { learner: { id: 'l' }, awards: [{ id: 'a1', credential: 'C' }] };
    for (const enumerable of [false, true])
      try {
        Object.defineProperty(Object.prototype, 'grade', {
          value: 'A',
          enumerable,
          writable: true,
          configurable: true,
        });
        // Every award has the grade (zod reads it); an enumerable one is an unknown key of the learner.
        expect(agree(Transcript, input)).toBe(!enumerable);
      } finally {
        delete (Object.prototype as { grade?: unknown }).grade;
      }
    expect(agree(Transcript, input)).toBe(true);
  });

  it('reads a field not enumerable as zod does when Object.prototype has an enumerable property', () => {
    // A stripping object: the inherited key is dropped, and the walk meets as many keys as the object owns.
    const schema = z.object({ a: z.string().optional() });
    const input = Object.defineProperty({}, 'a', { value: 'v', enumerable: false });
    try {
      Object.defineProperty(Object.prototype, 'x', { value: 1, enumerable: true, writable: true, configurable: true });
      expect(agree(schema, input)).toBe(true);
    } finally {
      delete (Object.prototype as { x?: unknown }).x;
    }
  });

  it('is not sure of a __proto__ key, which zod drops from a stripping object without a word', () => {
    const schema = z.object({ id: z.string() });
    const input = JSON.parse('{"id": "a", "__proto__": {"x": 1}}') as unknown;
    expect(schema.safeParse(input).success).toBe(true);
    expect(parserOf(schema)!(input)).toBe(NOT_SURE);
    expect(parserOf(schema)!({ id: 'a', other: 1 })).toEqual({ id: 'a' });
  });

  it('keeps a present optional field that is undefined, and fills defaults in', () => {
    const schema = z.object({ a: z.string().optional(), b: z.string().default('x') }).strict();
    expect(layout(parserOf(schema)!({ a: undefined }))).toEqual([
      ['a', undefined],
      ['b', 'x'],
    ]);
  });

  it('generates code for a schema only when it is asked for a second time (one made for one parse is not worth it)', () => {
    const schema = z.object({ id: z.string() });
    expect(fastParser(schema)).toBeUndefined();
    expect(fastParser(schema)!({ id: 'a' })).toEqual({ id: 'a' });
  });

  it('covers no schema it cannot mirror: lazy (recursive), transforms, records, plain unions', () => {
    type Tree = { children: Tree[] };
    const tree: z.ZodType<Tree> = z.lazy(() => z.object({ children: z.array(tree) }));
    for (const schema of [
      tree,
      z.string().transform((s) => s.length),
      z.record(z.string(), z.number()),
      z.union([z.string(), z.number()]),
    ])
      expect(parserOf(schema)).toBeUndefined();
  });
});

describe('isIsoDateText', () => {
  /** zod's own ISO date pattern, which the fast parser's date test replaces. */
  const pattern = zm.iso.date()._zod.def.pattern!;

  it('accepts exactly the dates zod accepts: every month and day 00-39 of leap, common and century years', () => {
    let valid = 0;
    for (const year of YEARS)
      for (let month = 0; month < 20; month++)
        for (let day = 0; day < 40; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(isIsoDateText(text), text).toBe(pattern.test(text));
          if (pattern.test(text)) valid++;
        }
    // 365 days a common year, 366 a leap year: 0, 4, 400, 2000, 2024, 2400 and 9996 are leap years.
    expect(valid).toBe(YEARS.length * 365 + 7);
  });

  it('accepts exactly what zod accepts over random text near a date and any text', () => {
    // A valid date with characters changed, added or taken out: other digits (fullwidth, Arabic-Indic), signs, spaces, newlines.
    const char = fc.constantFrom(...'0123456789-/ +\n\t.x', '\uFF10', '\u0660', '\u{1D7CE}');
    const nearDate = fc
      .record({
        date: fc.oneof(someDate, fc.constantFrom('2024-02-29', '2023-12-31')),
        at: fc.nat({ max: 11 }),
        edit: fc.constantFrom('replace', 'insert', 'delete'),
        char,
      })
      .map(({ date, at, edit, char }) =>
        edit === 'delete'
          ? date.slice(0, at) + date.slice(at + 1)
          : date.slice(0, at) + char + date.slice(edit === 'replace' ? at + 1 : at),
      );
    const text = fc.oneof(
      nearDate,
      fc.string({ maxLength: 12 }),
      fc.string({ unit: char, minLength: 8, maxLength: 12 }),
    );
    fc.assert(
      fc.property(text, (value) => isIsoDateText(value) === pattern.test(value)),
      { numRuns: runs(5000) },
    );
  });
});
