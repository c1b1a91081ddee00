import type * as z from 'zod/mini';
import { iso, minLength, util } from 'zod/mini';

const { NUMBER_FORMAT_RANGES, codePointLength } = util;

/** What a fast parser answers when it cannot vouch for the value: zod decides (and words the issues). */
export const NOT_SURE: unique symbol = Symbol('not sure');

/** A value as the schema parses it (defaults filled in), or {@link NOT_SURE}. */
export type FastParser = (input: unknown) => unknown;

/** The parts of a zod schema's internals the fast parser reads. */
interface Schema {
  readonly _zod: {
    readonly def: {
      readonly type: string;
      readonly checks?: readonly Check[];
      readonly coerce?: boolean;
      readonly innerType?: Schema;
      readonly element?: Schema;
      readonly shape?: Readonly<Record<string, Schema>>;
      readonly catchall?: Schema;
      readonly options?: readonly Schema[];
      readonly discriminator?: string;
      readonly unionFallback?: boolean;
      readonly defaultValue?: unknown;
    };
    readonly traits: ReadonlySet<string>;
    readonly optin?: 'optional' | 'defaulted';
    readonly optout?: 'optional';
    readonly values?: ReadonlySet<unknown>;
    /** A lazy schema's schema (zod calls its getter once). */
    readonly innerType?: Schema;
  };
}
/** A zod check as zod runs it: `when` decides whether it applies, `check` adds issues to its payload. */
interface Check {
  readonly _zod: {
    readonly def: {
      readonly check?: string;
      readonly when?: unknown;
      readonly minimum?: number;
      readonly maximum?: number;
      readonly length?: number;
      readonly value?: unknown;
      readonly inclusive?: boolean;
      readonly format?: string;
      readonly pattern?: unknown;
    };
    readonly traits: ReadonlySet<string>;
  };
}

/** Each schema's parser (null: not covered); `once` for a schema asked for only once so far. */
const parsers = new WeakMap<object, FastParser | null | 'once'>();

/**
 * A parser that answers what `schema.safeParse` would for the values it is sure of, without
 * zod's machinery (issues, paths, payloads): the same output (fields in the schema's order,
 * defaults filled in), or {@link NOT_SURE} for anything zod would reject, and the caller then
 * asks zod, so issues are zod's own, byte for byte. It is generated once per schema from
 * zod's definitions as one JavaScript function (each object's keys read in one walk) and runs
 * zod's checks in zod's order: the simple ones (lengths, bounds, integer formats, patterns, ISO
 * dates) written out as tests of the value, the others (refinements) through zod. It covers strings (ISO
 * dates among the formats), numbers, booleans, enums, literals, optional and defaulted fields,
 * arrays, objects (strict or stripping) and discriminated unions; undefined for a schema using
 * anything else (transforms, checks that rewrite the value, records, recursive lazy schemas,
 * plain unions...) or where code cannot be generated.
 * Generated the second time a schema is asked for: a schema made for one parse (`z.array(Award)`
 * in a what-if) is not worth generating code for.
 */
export function fastParser(schema: z.core.$ZodType): FastParser | undefined {
  const known = parsers.get(schema);
  if (known === undefined) {
    parsers.set(schema, 'once');
    return undefined;
  }
  if (known !== 'once') return known ?? undefined;
  const parser = generate(schema as unknown as Schema);
  parsers.set(schema, parser ?? null);
  return parser;
}

/** The source of a parser: statements that leave a schema's output in a variable or `return F`. */
class Emitter {
  readonly lines: string[] = [];
  /** Values the code refers to (`r[i]`): checks, sets, defaults. */
  readonly refs: unknown[] = [];
  /** Schemas on the way down: one met again refers to itself (z.lazy), not covered. */
  readonly path = new Set<Schema>();
  /** The keys of every object schema, which the parse looks for on `Object.prototype` (see `generate`). */
  readonly keys = new Set<string>();
  private count = 0;
  name(): string {
    return `v${this.count++}`;
  }
  ref(value: unknown): string {
    this.refs.push(value);
    return `r[${this.refs.length - 1}]`;
  }
}

function generate(schema: Schema): FastParser | undefined {
  const out = new Emitter();
  const result = emit(schema, 'input', out);
  if (result === undefined) return undefined;
  // Whether Object.prototype is as a plain object's fields need it, once a parse (it may change in
  // between): no enumerable property, none of the keys (each looked up on an empty object, one
  // site a key: V8 answers those from its own record of the prototype, not by searching it).
  const inherited = [...out.keys].map((key) => `${JSON.stringify(key)} in probe`).join(' || ');
  const plain = `const probe = ${out.ref({})};\nconst plain = ${out.ref(noEnumerable)}() && !(${inherited || 'false'});`;
  const source = `return function fastParse(input) {\n${plain}\n${out.lines.join('\n')}\nreturn ${result};\n};`;
  try {
    return new Function('r', 'F', source)(out.refs, NOT_SURE) as FastParser;
  } catch {
    // No code generation here (a content security policy): zod parses everything.
    return undefined;
  }
}

/** Emits the parse of `input` (a variable) by `schema`; the variable holding the output, or undefined when not covered. */
function emit(schema: Schema, input: string, out: Emitter): string | undefined {
  if (out.path.has(schema)) return undefined;
  out.path.add(schema);
  const result = emitType(schema, input, out);
  out.path.delete(schema);
  if (result === undefined) return undefined;
  const { traits, def } = schema._zod;
  // A string format is a check of its own, run before the others (as zod does).
  const checks = [...(traits.has('$ZodCheck') ? [schema as unknown as Check] : []), ...(def.checks ?? [])];
  if (checks.length === 0) return result;
  // One payload per check site run as zod runs it, made with the parser and reused: a payload made
  // per parse is an allocation site V8 may pretenure (it did, early in a batch), and a payload in
  // old space holding a young value keeps every value parsed alive until a full GC. A parse that
  // meets the site busy (a check parsing the same schema again) takes a payload of its own.
  let payload: string | undefined;
  /** Leaves the site: the shared payload free again and holding no value. */
  const release = () => (payload === undefined ? '' : `${payload}.busy = false; ${payload}.value = undefined; `);
  for (const check of checks) {
    const kind = check._zod.def.check;
    // A check that rewrites the value (trim, toLowerCase...): not covered.
    if (kind === 'overwrite') return undefined;
    const fails = inlineCheck(check, def.type, result, out);
    if (fails !== undefined) {
      if (fails !== '') out.lines.push(`if (${fails}) { ${release()}return F; }`);
      continue;
    }
    if (payload === undefined) {
      payload = out.name();
      const shared = out.ref({ value: undefined, issues: [], busy: false });
      out.lines.push(
        `const ${payload} = ${shared}.busy ? { value: undefined, issues: [], busy: false } : ${shared};`,
        `${payload}.busy = true;`,
        `${payload}.value = ${result};`,
        `if (${payload}.issues.length > 0) ${payload}.issues = [];`,
      );
    }
    const run = `(${out.ref(check)}._zod.check(${payload}) instanceof Promise || ${payload}.issues.length > 0)`;
    const { when } = check._zod.def;
    out.lines.push(`if (${when ? `${out.ref(when)}(${payload}) && ${run}` : run}) { ${release()}return F; }`);
  }
  if (payload !== undefined) out.lines.push(release());
  return result;
}

/** zod's own `when` of its length checks (true for any string or array): such a check always runs here. */
const LENGTH_WHEN = minLength(1)._zod.def.when;
/** zod's ISO date pattern, which {@link isIsoDateText} mirrors. */
const DATE_PATTERN = iso.date()._zod.def.pattern;

/**
 * A check of one of zod's kinds as an expression of `value` (a `type` zod has already accepted),
 * true when zod's check would add an issue: what zod's check tests, without its payload and call;
 * '' for a check that tests nothing, undefined for a check to run as zod runs it.
 */
function inlineCheck(check: Check, type: string, value: string, out: Emitter): string | undefined {
  const { traits, def } = check._zod;
  if (def.check === 'describe' || def.check === 'meta') return '';
  const length = type === 'string' || type === 'array';
  if (def.when !== undefined && !(length && def.when === LENGTH_WHEN)) return undefined;
  const count = (n: unknown) => (typeof n === 'number' && Number.isSafeInteger(n) ? String(n) : undefined);
  // A string's length is in code points: UTF-16 units are counted only when they do not settle it.
  const points = `${out.ref(codePointLength)}(${value})`;
  if (length && traits.has('$ZodCheckMinLength')) {
    const min = count(def.minimum);
    if (min === undefined) return undefined;
    if (type === 'array' || def.minimum! <= 1) return `${value}.length < ${min}`;
    return `(${value}.length < ${2 * def.minimum!} && ${points} < ${min})`;
  }
  if (length && traits.has('$ZodCheckMaxLength')) {
    const max = count(def.maximum);
    if (max === undefined) return undefined;
    return type === 'array' ? `${value}.length > ${max}` : `(${value}.length > ${max} && ${points} > ${max})`;
  }
  if (length && traits.has('$ZodCheckLengthEquals')) {
    const exact = count(def.length);
    if (exact === undefined) return undefined;
    return type === 'array'
      ? `${value}.length !== ${exact}`
      : `(${value}.length < ${exact} || ${value}.length > ${2 * def.length!} || ${points} !== ${exact})`;
  }
  if (type !== 'number' && type !== 'string') return undefined;
  if (type === 'number' && (traits.has('$ZodCheckGreaterThan') || traits.has('$ZodCheckLessThan'))) {
    if (typeof def.value !== 'number') return undefined;
    const bound = Number.isFinite(def.value) ? String(def.value) : `${out.ref(def)}.value`;
    const op = traits.has('$ZodCheckGreaterThan') ? '>' : '<';
    return `!(${value} ${op}${def.inclusive ? '=' : ''} ${bound})`;
  }
  if (type === 'number' && traits.has('$ZodCheckNumberFormat')) {
    const range =
      typeof def.format === 'string'
        ? (NUMBER_FORMAT_RANGES as Record<string, [number, number]>)[def.format]
        : undefined;
    if (range === undefined || !Object.hasOwn(NUMBER_FORMAT_RANGES, def.format!)) return undefined;
    // The value is a finite number: a range as wide as its kind's tests nothing.
    const int = def.format!.includes('int');
    const [min, max] = range;
    const tests = int ? [`!Number.isSafeInteger(${value})`] : [];
    if (min > (int ? Number.MIN_SAFE_INTEGER : -Number.MAX_VALUE)) tests.push(`${value} < ${min}`);
    if (max < (int ? Number.MAX_SAFE_INTEGER : Number.MAX_VALUE)) tests.push(`${value} > ${max}`);
    return tests.join(' || ');
  }
  if (type === 'string' && traits.has('$ZodISODate') && def.pattern === DATE_PATTERN)
    return `!${out.ref(isIsoDateText)}(${value})`;
  if (type === 'string' && traits.has('$ZodCheckRegex') && def.pattern instanceof RegExp) {
    const pattern = out.ref(def.pattern);
    return `(${pattern}.lastIndex = 0, !${pattern}.test(${value}))`;
  }
  return undefined;
}

/** Days in each month of a common year (index 1 is January). */
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when `text` matches zod's ISO date pattern: `YYYY-MM-DD` in ASCII digits, a real date of
 * the proleptic Gregorian calendar (year 0000 is a leap year). What the pattern accepts, without
 * the regular expression (a test in test/model/fast-parse.test.ts compares the two); the 28
 * days every month has are settled without the year.
 */
export function isIsoDateText(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  // Each digit's value; any other character is out of 0-9 (`>>> 0` takes a negative one above 9).
  const y0 = text.charCodeAt(0) - 48;
  const y1 = text.charCodeAt(1) - 48;
  const y2 = text.charCodeAt(2) - 48;
  const y3 = text.charCodeAt(3) - 48;
  const m0 = text.charCodeAt(5) - 48;
  const m1 = text.charCodeAt(6) - 48;
  const d0 = text.charCodeAt(8) - 48;
  const d1 = text.charCodeAt(9) - 48;
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return false;
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return false;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= 28) return true;
  if (month !== 2) return day <= MONTH_DAYS[month]!;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function emitType(schema: Schema, input: string, out: Emitter): string | undefined {
  const { def, traits } = schema._zod;
  if (def.coerce) return undefined;
  switch (def.type) {
    case 'string':
      // Formats other than dates are not covered (each has its own checks, some not by pattern).
      if (traits.has('$ZodStringFormat') && !traits.has('$ZodISODate')) return undefined;
      out.lines.push(`if (typeof ${input} !== 'string') return F;`);
      return input;
    case 'number':
      out.lines.push(`if (typeof ${input} !== 'number' || !Number.isFinite(${input})) return F;`);
      return input;
    case 'boolean':
      out.lines.push(`if (typeof ${input} !== 'boolean') return F;`);
      return input;
    case 'enum':
    case 'literal': {
      const { values } = schema._zod;
      if (!values) return undefined;
      out.lines.push(`if (!${out.ref(values)}.has(${input})) return F;`);
      return input;
    }
    case 'optional': {
      // An exact optional, or one over a default, treats absence its own way.
      if (traits.has('$ZodExactOptional') || def.innerType!._zod.optin === 'defaulted') return undefined;
      const result = out.name();
      out.lines.push(`let ${result};`, `if (${input} !== undefined) {`);
      const inner = emit(def.innerType!, input, out);
      if (inner === undefined) return undefined;
      out.lines.push(`${result} = ${inner};`, '}');
      return result;
    }
    case 'default': {
      const result = out.name();
      const fallback = `${out.ref(def)}.defaultValue`;
      out.lines.push(`let ${result};`, `if (${input} === undefined) ${result} = ${fallback};`, 'else {');
      const inner = emit(def.innerType!, input, out);
      if (inner === undefined) return undefined;
      out.lines.push(`${result} = ${inner} === undefined ? ${fallback} : ${inner};`, '}');
      return result;
    }
    case 'array': {
      const result = out.name();
      const index = out.name();
      const element = out.name();
      out.lines.push(
        `if (!Array.isArray(${input})) return F;`,
        `const ${result} = new Array(${input}.length);`,
        `for (let ${index} = 0; ${index} < ${input}.length; ${index}++) {`,
        `const ${element} = ${input}[${index}];`,
      );
      const parsed = emit(def.element!, element, out);
      if (parsed === undefined) return undefined;
      out.lines.push(`${result}[${index}] = ${parsed};`, '}');
      return result;
    }
    case 'object':
      return emitObject(schema, input, out);
    case 'union':
      return emitDiscriminated(schema, input, out);
    case 'lazy': {
      // A lazy schema that is not recursive (a described reference to a named schema): its
      // schema's parse. A recursive one meets itself on the way down: not covered.
      const inner = schema._zod.innerType;
      return inner === undefined ? undefined : emit(inner, input, out);
    }
    default:
      return undefined;
  }
}

/** zod's plain object: not null, not an array. */
const notObject = (input: string) => `typeof ${input} !== 'object' || ${input} === null || Array.isArray(${input})`;

/** True when `Object.prototype` has no enumerable property (that a `for...in` of any plain object would meet). */
function noEnumerable(): boolean {
  for (const _ in Object.prototype) return false;
  return true;
}

/**
 * An object: each field in the shape's order, as zod's `handlePropertyResult` settles it (an
 * absent optional field stays absent, a present one stays even when undefined, a default fills
 * in); unknown keys are dropped, or not sure for a strict object.
 *
 * The input's keys are read in one `for...in` (what zod's strict check walks), each value by the
 * loop's key: V8 reads those by the object's own layout, where a read by name at each field goes
 * through a lookup shared by every shape of award (five on Ada's transcript). A field the loop
 * did not meet is absent when the object is plain: its prototype `Object.prototype` as
 * the parse found it (see `generate`), and every own property enumerable (as many as the loop met).
 * Otherwise such a field may still be present (a key not enumerable, or inherited): it is looked
 * up as zod does (`key in input`).
 */
function emitObject(schema: Schema, input: string, out: Emitter): string | undefined {
  const { shape, catchall } = schema._zod.def;
  if (!shape || Object.getOwnPropertySymbols(shape).length > 0) return undefined;
  const strict = catchall !== undefined;
  if (strict && catchall._zod.def.type !== 'never') return undefined;
  const keys = Object.keys(shape);
  // Keys every object has (`constructor`, `__proto__`) are present in zod's eyes even when absent.
  if (keys.some((key) => key in Object.prototype)) return undefined;
  for (const key of keys) out.keys.add(key);
  // zod drops a stripping object's `__proto__` key without a word: not sure (credstack rejects it).
  out.lines.push(`if (${notObject(input)}${strict ? '' : ` || Object.hasOwn(${input}, '__proto__')`}) return F;`);
  const fields = keys.map((key) => ({ key, name: JSON.stringify(key), value: out.name(), seen: out.name() }));
  const key = out.name();
  const met = out.name();
  out.lines.push(`let ${met} = 0, ${fields.map(({ value, seen }) => `${value}, ${seen} = false`).join(', ')};`);
  out.lines.push(`for (const ${key} in ${input}) {`, `${met}++;`, `switch (${key}) {`);
  for (const { name, value, seen } of fields)
    out.lines.push(`case ${name}: ${value} = ${input}[${key}]; ${seen} = true; break;`);
  if (strict) out.lines.push('default: return F;');
  out.lines.push('}', '}');
  out.lines.push(
    `if (!plain || Object.getPrototypeOf(${input}) !== Object.prototype || ${met} !== Object.getOwnPropertyNames(${input}).length) {`,
  );
  for (const { name, value, seen } of fields)
    out.lines.push(`if (!${seen} && ${name} in ${input}) { ${seen} = true; ${value} = ${input}[${name}]; }`);
  out.lines.push('}');
  const result = out.name();
  out.lines.push(`const ${result} = {};`);
  for (const { key, name, value, seen } of fields) {
    const field = shape[key]!;
    const { optin, optout } = field._zod;
    if (optin === 'optional' && optout === 'optional') out.lines.push(`if (${seen}) {`);
    else if (optin === undefined) out.lines.push(`if (!${seen}) return F;`, '{');
    else if (optin === 'defaulted' && optout === undefined) out.lines.push('{');
    else return undefined;
    const parsed = emit(field, value, out);
    if (parsed === undefined) return undefined;
    out.lines.push(`${result}[${name}] = ${parsed};`, '}');
  }
  return result;
}

/** A discriminated union: the option its discriminator's value names (zod's fast path), else not sure. */
function emitDiscriminated(schema: Schema, input: string, out: Emitter): string | undefined {
  const { discriminator, options, unionFallback } = schema._zod.def;
  if (discriminator === undefined || !options || unionFallback) return undefined;
  const tag = out.name();
  const result = out.name();
  out.lines.push(`if (${notObject(input)}) return F;`, `const ${tag} = ${input}[${JSON.stringify(discriminator)}];`);
  out.lines.push(`let ${result};`);
  const seen = new Set<unknown>();
  for (const option of options) {
    const field = option._zod.def.shape?.[discriminator];
    const values = field?._zod.values;
    if (!values || field._zod.optin !== undefined || values.size === 0) return undefined;
    const tests: string[] = [];
    for (const value of values) {
      if (typeof value !== 'string' || seen.has(value)) return undefined;
      seen.add(value);
      tests.push(`${tag} === ${JSON.stringify(value)}`);
    }
    out.lines.push(`${seen.size > values.size ? 'else ' : ''}if (${tests.join(' || ')}) {`);
    const parsed = emit(option, input, out);
    if (parsed === undefined) return undefined;
    out.lines.push(`${result} = ${parsed};`, '}');
  }
  out.lines.push('else return F;');
  return result;
}
