import { describe, expect, it } from 'vitest';
import { buildStackingGraph } from '../../src/catalog/stacking-graph.js';
import { cli, shippedCatalog } from '../helpers.js';

const graph = () => buildStackingGraph(shippedCatalog(), '2026-05-15');

describe('stacking graph of the shipped catalog', () => {
  it('orders programs nested first', () => {
    const order = graph().programOrder();
    const precedes = (a: string, b: string) => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    precedes('cert-data-analytics', 'cert-data-engineering');
    precedes('cert-data-engineering', 'bs-data-science');
    precedes('cert-cloud-security', 'aas-it');
    precedes('digital-bronze', 'digital-silver');
    precedes('digital-silver', 'digital-gold');
    expect(order).toHaveLength(10);
  });

  it('says what a micro-credential stacks into, transitively, with the path', () => {
    const into = graph().stacksInto('mc-sql');
    expect(into.find((p) => p.program === 'cert-data-engineering')?.path).toEqual([
      'mc-sql',
      'cert-data-analytics',
      'cert-data-engineering',
    ]);
    expect(into.find((p) => p.program === 'bs-data-science')?.path).toEqual([
      'mc-sql',
      'cert-data-analytics',
      'bs-data-science',
    ]);
    expect(into.map((p) => p.program)).not.toContain('digital-gold');
  });

  it('adds edges for where clauses and for rules that grant equivalency', () => {
    const g = graph();
    expect(g.countsToward('bs-data-science')).toContainEqual({
      from: 'HIST-110',
      to: 'bs-data-science',
      via: 'where',
      requirement: 'humanities',
    });
    expect(g.countsToward('aas-it')).toContainEqual({
      from: 'comptia-security-plus',
      to: 'aas-it',
      via: 'rule',
      requirement: 'CSCI-240',
      rule: 'security-plus-equivalency',
    });
    expect(g.countsToward('cert-cloud-security')).toContainEqual(
      expect.objectContaining({ from: 'aws-cloud-practitioner', via: 'rule', rule: 'aws-practitioner-equivalency' }),
    );
  });

  it('names the rule whose own event makes the edge when several rules fire for a credential', () => {
    const shipped = shippedCatalog();
    const forGoogle = { fact: 'id', operator: 'equal', value: 'google-it-support' } as const;
    const rules = [
      ...shipped.rules,
      // Fires first (highest priority) but neither grants CSCI-110 nor adds the humanities tag.
      {
        name: 'google-extra-tag',
        priority: 20,
        conditions: { all: [forGoogle] },
        event: { type: 'grant' as const, params: { tags: ['extra'] } },
      },
      {
        name: 'google-as-csci-110',
        priority: 5,
        conditions: { all: [forGoogle] },
        event: { type: 'grant' as const, params: { as: ['CSCI-110'] } },
      },
      {
        name: 'google-humanities',
        priority: 1,
        conditions: { all: [forGoogle] },
        event: { type: 'tag' as const, params: { tags: ['gen-ed-humanities'] } },
      },
    ];
    const edges = buildStackingGraph({ ...shipped, rules }, '2026-05-15')
      .countsToward('bs-data-science')
      .filter((e) => e.from === 'google-it-support');
    expect(edges).toContainEqual({
      from: 'google-it-support',
      to: 'bs-data-science',
      via: 'rule',
      requirement: 'CSCI-110',
      rule: 'google-as-csci-110',
    });
    expect(edges).toContainEqual({
      from: 'google-it-support',
      to: 'bs-data-science',
      via: 'rule',
      requirement: 'humanities',
      rule: 'google-humanities',
    });
    expect(edges.some((e) => e.rule === 'google-extra-tag')).toBe(false);
  });

  it('applies program-scoped rules only to their program', () => {
    const g = graph();
    expect(
      g
        .countsToward('bs-data-science')
        .some((e) => e.from === 'eu-data-protection' && e.requirement === 'major-electives'),
    ).toBe(true);
    expect(g.countsToward('aas-it').some((e) => e.from === 'eu-data-protection')).toBe(false);
  });

  it('draws the graph as dot, mermaid and json', async () => {
    const dot = await cli(['graph', '--format', 'dot', '--as-of', '2026-05-15']);
    expect(dot.stdout).toMatch(/^digraph stacking \{/);
    expect(dot.stdout).toContain('"mc-sql" -> "cert-data-analytics" [label="sql"]');
    const mermaid = await cli(['graph', '--format', 'mermaid']);
    expect(mermaid.stdout).toMatch(/^flowchart LR/);
    const json = JSON.parse((await cli(['graph', '--format', 'json'])).stdout);
    expect(json.programOrder).toEqual(graph().programOrder());
    expect((await cli(['graph', '--format', 'png'])).code).toBe(2);
  });
});
