import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import type { CreditRule } from '../../src/model/rule.js';
import { compileCreditRules } from '../../src/rules/credit-rules.js';
import type { OperatorContext } from '../../src/rules/operators.js';
import { formatPath } from '../../src/model/issue.js';

const context: OperatorContext = { gradeScale: { A: 4, B: 3, C: 2, F: 0, P: null }, passingGrades: ['P'], asOf: '2026-05-15' };
const id = (value: string) => ({ fact: 'id', operator: 'equal', value });
const rule = (name: string, conditions: unknown, event: unknown, priority?: number) => ({ name, conditions, event, ...(priority ? { priority } : {}) }) as CreditRule;
const facts = (extra: Record<string, unknown> = {}) => ({ id: 'cert-x', code: 'CERT X', issuer: 'acme', tags: ['industry'], earned: '2025-01-01', asOf: context.asOf, source: 'external', ...extra });

describe('credit rules', () => {
  it('grant sets credits and unit, equivalencies and tags; tag adds tags; every effect is provenance', () => {
    const rules = compileCreditRules(
      [rule('g', { all: [id('cert-x')] }, { type: 'grant', params: { credits: 12, unit: 'semester', as: ['DATA-101'], tags: ['ace'] } }), rule('t', { all: [id('cert-x')] }, { type: 'tag', params: { tags: ['stem'] } })],
      context,
    );
    const f = facts();
    const outcome = rules.inProgram(rules.general(f), f, 'p');
    expect(outcome).toMatchObject({ credits: { value: 12, unit: 'semester', rule: 'g' }, as: ['DATA-101'], tags: ['ace', 'stem'] });
    expect(outcome.effects.map((e) => [e.rule, e.code])).toEqual([['g', 'grant'], ['t', 'tag']]);
  });

  it('a deny beats a grant, whatever their priorities', () => {
    const rules = compileCreditRules(
      [rule('grant-high', { all: [id('cert-x')] }, { type: 'grant', params: { credits: 3 } }, 50), rule('deny-low', { all: [{ fact: 'issuer', operator: 'equal', value: 'acme' }] }, { type: 'deny', params: { reason: 'not accredited' } }, 1)],
      context,
    );
    const f = facts();
    expect(rules.inProgram(rules.general(f), f, 'p').denied).toEqual({ rule: 'deny-low', reason: 'not accredited' });
  });

  it('runs rules in priority order: the highest-priority grant sets the credits', () => {
    const rules = compileCreditRules(
      [rule('low', { all: [id('cert-x')] }, { type: 'grant', params: { credits: 3 } }, 1), rule('high', { all: [id('cert-x')] }, { type: 'grant', params: { credits: 9 } }, 20)],
      context,
    );
    const f = facts();
    const outcome = rules.inProgram(rules.general(f), f, 'p');
    expect(outcome.credits).toMatchObject({ value: 9, rule: 'high' });
    expect(outcome.effects.map((e) => e.rule)).toEqual(['high', 'low']);
  });

  it('scopes a deny to its programs, and a rule on the program fact to that program', () => {
    const rules = compileCreditRules(
      [
        rule('deny-in-bs', { all: [id('cert-x')] }, { type: 'deny', params: { reason: 'not in the BS', programs: ['bs'] } }),
        rule('tag-in-aas', { all: [id('cert-x'), { fact: 'program', operator: 'equal', value: 'aas' }] }, { type: 'tag', params: { tags: ['technical-elective'] } }),
      ],
      context,
    );
    const f = facts();
    const general = rules.general(f);
    expect(rules.inProgram(general, f, 'bs').denied?.rule).toBe('deny-in-bs');
    expect(rules.inProgram(general, f, 'aas')).toMatchObject({ tags: ['technical-elective'] });
    expect(rules.inProgram(general, f, 'aas').denied).toBeUndefined();
    expect(rules.inProgram(general, f, 'minor')).toEqual({ as: [], tags: [], effects: [] });
  });

  it('applies only while current (earnedWithin)', () => {
    const rules = compileCreditRules([rule('current', { all: [id('cert-x'), { fact: 'earned', operator: 'earnedWithin', value: { years: 3 } }] }, { type: 'grant', params: { credits: 3 } })], context);
    const recent = facts({ earned: '2023-05-15' });
    const old = facts({ earned: '2023-05-14' });
    expect(rules.inProgram(rules.general(recent), recent, 'p').credits?.value).toBe(3);
    expect(rules.inProgram(rules.general(old), old, 'p').credits).toBeUndefined();
  });

  it('is validated at load: unknown event type, bad params, unknown facts and operators', () => {
    const result = loadCatalog([
      {
        file: 'rules.json',
        json: {
          institution: { id: 'x', name: 'X' },
          rules: [
            rule('a', { all: [id('x')] }, { type: 'award', params: {} }),
            rule('b', { all: [id('x')] }, { type: 'grant', params: { credits: -1 } }),
            rule('c', { all: [{ fact: 'colour', operator: 'equal', value: 'red' }] }, { type: 'tag', params: { tags: ['x'] } }),
            rule('d', { any: [{ fact: 'code', operator: 'like', value: 'DATA%' }] }, { type: 'deny', params: { reason: 'r' } }),
            rule('e', { fact: 'code', operator: 'equal', value: 'X' }, { type: 'deny', params: { reason: 'r' } }),
          ],
        },
      },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.code} ${formatPath(i.path)}`)).toEqual([
      'invalid-shape $.rules[0].event.type',
      'invalid-shape $.rules[1].event.params.credits',
      'invalid-shape $.rules[4].conditions',
    ]);
    const second = loadCatalog([{ file: 'rules.json', json: { institution: { id: 'x', name: 'X' }, rules: [rule('c', { all: [{ fact: 'colour', operator: 'equal', value: 'red' }] }, { type: 'tag', params: { tags: ['x'] } }), rule('d', { any: [{ fact: 'code', operator: 'like', value: 'DATA%' }] }, { type: 'deny', params: { reason: 'r' } })] } }]);
    expect(second.ok ? [] : second.issues.map((i) => `${i.code} ${i.file} ${formatPath(i.path)}`)).toEqual([
      'unknown-fact rules.json $.rules[0].conditions.all[0].fact',
      'unknown-operator rules.json $.rules[1].conditions.any[0].operator',
    ]);
  });
});
