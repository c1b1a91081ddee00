import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseWith } from '../../src/model/parse.js';
import { CreditRule } from '../../src/model/rule.js';
import { engineRefusal } from '../../src/rules/reference-engine.js';
import { runs } from '../setup/fuzz.js';

// Loading a catalog no longer builds a json-rules-engine engine to ask whether it takes each rule
// (that kept the engine on the audit path of a browser bundle): the rule schema is at least as
// strict as the engine's own checks. These properties hold the schema to that.

/** Sometimes a value the engine or the schema refuses, mostly a good one (so many rules get through the schema). */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: good, weight: 9 }, { arbitrary: bad, weight: 1 });

const name = mostly(fc.constantFrom('transfer credit', 'r'), fc.constantFrom('', 0));
const priority = mostly(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), fc.constantFrom(0, -1, 1.5, '2'));

const comparison = fc.oneof(
  { arbitrary: fc.record({ fact: fc.constantFrom('subject', 'credits'), operator: fc.constantFrom('equal', 'in'), value: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) }), weight: 9 },
  { arbitrary: fc.record({ fact: fc.constantFrom('subject', ''), operator: fc.constantFrom('equal', '') }, { requiredKeys: [] }), weight: 1 },
);

/** Condition-like JSON: well formed most of the time, missing or misshapen parts sometimes. */
const condition = fc.letrec<{ node: unknown; root: unknown }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, comparison, tie('root')),
  root: fc.oneof(
    { depthSize: 'small' },
    fc.record({ all: mostly(fc.array(tie('node'), { maxLength: 3 }), tie('node')) }),
    fc.record({ any: mostly(fc.array(tie('node'), { maxLength: 3 }), tie('node')) }),
    fc.record({ not: mostly(tie('node'), fc.array(tie('node'), { maxLength: 2 })) }),
    fc.constantFrom({ condition: 'named' }, {}),
  ),
}));

const event = mostly(
  fc.constantFrom({ type: 'grant', params: { credits: 3 } }, { type: 'deny', params: { reason: 'no' } }, { type: 'tag', params: { tags: ['x'] } }),
  fc.constant({ params: {} }),
);

const rule = fc.record(
  { name, priority, conditions: mostly(condition.root, condition.node), event },
  { requiredKeys: ['conditions', 'event'] },
);

describe('the credit-rule schema and json-rules-engine', () => {
  test.prop([rule], { numRuns: runs(2000) })('every rule the schema takes, the engine takes too', (candidate) => {
    const parsed = parseWith(CreditRule, candidate);
    if (parsed.ok) expect(engineRefusal(parsed.value)).toBeUndefined();
  });

  it('the engine refuses what the schema refuses, for each of its own checks', () => {
    const valid = { name: 'r', conditions: { all: [{ fact: 'subject', operator: 'equal', value: 'DATA' }] }, event: { type: 'tag', params: { tags: ['x'] } } };
    const refused = [
      { ...valid, priority: -1 },
      { ...valid, conditions: { fact: 'subject', operator: 'equal', value: 'DATA' } },
      { ...valid, conditions: { all: [{ fact: 'subject', operator: 'equal' }] } },
      { ...valid, conditions: { not: [] } },
      { ...valid, conditions: { any: { fact: 'subject', operator: 'equal', value: 1 } } },
    ];
    for (const candidate of refused) {
      expect(engineRefusal(candidate as unknown as CreditRule)).toBeDefined();
      expect(parseWith(CreditRule, candidate).ok).toBe(false);
    }
    expect(engineRefusal(valid as CreditRule)).toBeUndefined();
  });
});
