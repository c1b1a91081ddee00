import { describe, expect, it } from 'vitest';
import { buildStackingGraph, type StackingEdge } from '../../src/catalog/stacking-graph.js';
import { stackingGraphToCtdl } from '../../src/interop/ctdl-export.js';
import { ctdlToStackingGraph, validateCtdl } from '../../src/interop/ctdl-import.js';
import { planToCtdl } from '../../src/interop/ctdl-plan.js';
import type { CtdlDocument, CtdlNode } from '../../src/interop/ctdl-writer.js';
import { formatPath } from '../../src/model/issue.js';
import { plan } from '../../src/pathways/plan.js';
import { cli, readFixture, shippedCatalog } from '../helpers.js';

const AS_OF = '2026-05-15';
const exported = () => stackingGraphToCtdl(shippedCatalog(), { asOf: AS_OF });
/** A deep copy of a document, to break one thing in. */
const copy = (doc: CtdlDocument): { '@context': string; '@graph': CtdlNode[] } => JSON.parse(JSON.stringify(doc));
const edgeKey = (e: StackingEdge) => JSON.stringify([e.from, e.to, e.via, e.requirement, e.rule ?? '']);

/** The graph node a credstack id names (resource or component), by its identifier. */
function withIdentifier(doc: CtdlDocument, type: string, code: string, cls?: string): CtdlNode[] {
  return doc['@graph'].filter(
    (n) =>
      (cls === undefined || n['@type'] === cls) &&
      (
        (n['ceterms:identifier'] as
          | { 'ceterms:identifierTypeName': { 'en-US': string }; 'ceterms:identifierValueCode': string }[]
          | undefined) ?? []
      ).some((v) => v['ceterms:identifierTypeName']['en-US'] === type && v['ceterms:identifierValueCode'] === code),
  );
}
const resourceOf = (doc: CtdlDocument, id: string) =>
  withIdentifier(doc, 'credstack credential', id).find((n) => !String(n['@type']).endsWith('Component'))!;

function issuesOf(json: unknown) {
  const result = validateCtdl(json);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map((i) => [i.code, formatPath(i.path), i.expected]);
}

describe('the stacking graph as CTDL JSON-LD', () => {
  it('validates: CTDL context, class shapes, references and their inverses', () => {
    const doc = exported();
    expect(doc['@context']).toBe('https://credreg.net/ctdl/schema/context/json');
    const result = validateCtdl(doc);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('reads back into the same stacking graph on the shipped catalog: every node and every edge', () => {
    const graph = buildStackingGraph(shippedCatalog(), AS_OF);
    const read = ctdlToStackingGraph(JSON.parse(JSON.stringify(exported())));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.nodes).toEqual(graph.nodes);
    expect(read.value.edges.map(edgeKey)).toEqual(graph.edges.map(edgeKey).sort());
    // Every kind of edge crosses: named credentials, nested programs, matches, credit rules.
    expect(new Set(read.value.edges.map((e) => e.via))).toEqual(new Set(['credential', 'program', 'where', 'rule']));
  });

  it('is the same document on every export (CTIDs derived from the ids), and each CTID is well formed and unique', () => {
    expect(JSON.stringify(exported())).toBe(JSON.stringify(exported()));
    const ctids = exported()['@graph'].map((n) => n['ceterms:ctid'] as string);
    expect(ctids.every((c) => /^ce-[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(c))).toBe(
      true,
    );
    expect(new Set(ctids).size).toBe(ctids.length);
  });

  it('publishes each credential with its credit value in CTDL terms', () => {
    const doc = exported();
    const course = resourceOf(doc, 'DATA-101');
    expect(course).toMatchObject({
      '@type': 'ceterms:Course',
      'ceterms:name': { 'en-US': 'Foundations of Data Analysis' },
      'ceterms:codedNotation': 'DATA 101',
      'ceterms:subjectWebpage': 'https://catalog.invalid/riverbend/DATA-101',
      'ceterms:creditValue': [
        {
          '@type': 'ceterms:ValueProfile',
          'ceterms:creditUnitType': [
            {
              '@type': 'ceterms:CredentialAlignmentObject',
              'ceterms:framework': 'https://credreg.net/ctdl/terms/CreditUnit',
              'ceterms:targetNode': 'creditUnit:SemesterHour',
              'ceterms:targetNodeName': { 'en-US': 'Semester Hour' },
            },
          ],
          'schema:value': 3,
        },
      ],
    });
    // A unit CTDL has no concept for is named, not translated.
    expect(resourceOf(doc, 'eu-data-protection')).toMatchObject({
      '@type': 'ceterms:MicroCredential',
      'ceterms:requires': [
        {
          'ceterms:creditValue': [
            {
              'ceterms:creditUnitType': [{ 'ceterms:targetNodeName': { 'en-US': 'ects' } }],
              'schema:value': 5,
            },
          ],
        },
      ],
    });
  });

  it('names what a program is made of with hasPart, and each part says isPartOf', () => {
    const doc = exported();
    const certificate = resourceOf(doc, 'cert-data-analytics');
    const sql = resourceOf(doc, 'mc-sql');
    expect(certificate['@type']).toBe('ceterms:Certificate');
    expect(certificate['ceterms:hasPart']).toContain(sql['@id']);
    expect(sql['ceterms:isPartOf']).toContain(certificate['@id']);
  });

  it('one pathway a program version, its destination the program, its requirements as conditions', () => {
    const doc = exported();
    const versions = withIdentifier(doc, 'credstack program', 'bs-data-science', 'ceterms:Pathway');
    expect(versions.map((p) => (p['ceterms:name'] as { 'en-US': string })['en-US'])).toEqual([
      'Pathway to the Bachelor of Science in Data Science (catalog year from 2022-08-01)',
      'Pathway to the Bachelor of Science in Data Science (catalog year from 2025-08-01)',
    ]);
    const [pathway] = withIdentifier(doc, 'credstack program', 'cert-data-analytics', 'ceterms:Pathway');
    const destination = doc['@graph'].find(
      (n) => n['@id'] === (pathway!['ceterms:hasDestinationComponent'] as string[])[0],
    )!;
    expect(destination).toMatchObject({
      '@type': 'ceterms:CredentialComponent',
      'ceterms:credentialType': 'ceterms:Certificate',
      'ceterms:proxyFor': resourceOf(doc, 'cert-data-analytics')['@id'],
      'ceterms:isDestinationComponentOf': [pathway!['@id']],
    });
    const [root] = destination['ceterms:hasCondition'] as CtdlNode[];
    const children = destination['ceterms:hasChild'] as string[];
    expect(root).toMatchObject({ '@type': 'ceterms:ComponentCondition', 'ceterms:requiredNumber': children.length });
    const sql = withIdentifier(doc, 'credstack requirement', 'sql').find(
      (n) => n['ceterms:isPartOf']?.toString() === pathway!['@id'],
    );
    expect(sql).toMatchObject({
      '@type': 'ceterms:CredentialComponent',
      'ceterms:credentialType': 'ceterms:MicroCredential',
    });
    expect(root!['ceterms:targetComponent']).toContain(sql!['@id']);
  });

  it('takes the base URL of the catalog pages', () => {
    const doc = stackingGraphToCtdl(shippedCatalog(), { asOf: AS_OF, baseUrl: 'https://catalog.riverbend.edu/c/' });
    expect(resourceOf(doc, 'DATA-101')['ceterms:subjectWebpage']).toBe('https://catalog.riverbend.edu/c/DATA-101');
    expect(validateCtdl(doc).ok).toBe(true);
  });
});

describe('CTDL validation', () => {
  it('wants CTDL context and a graph', () => {
    expect(issuesOf({ '@context': 'https://schema.org', '@graph': [] })).toEqual([
      ['invalid-shape', '$["@context"]', "CTDL's JSON-LD context, https://credreg.net/ctdl/schema/context/json"],
      ['invalid-shape', '$["@graph"]', 'a non-empty array'],
    ]);
  });

  it('checks each node against the shape of its class', () => {
    const doc = copy(exported());
    const at = doc['@graph'].indexOf(resourceOf(doc, 'DATA-101'));
    const course = doc['@graph'][at]!;
    delete course['ceterms:description'];
    course['ceterms:ctid'] = 'DATA-101';
    course['ceterms:subjectWebpage'] = 'catalog/DATA-101';
    course['ceterms:color'] = 'blue';
    expect(issuesOf(doc)).toEqual([
      ['invalid-shape', `$["@graph"][${at}]["ceterms:ctid"]`, 'a CTID: "ce-" and a lower-case UUID'],
      ['invalid-shape', `$["@graph"][${at}]["ceterms:description"]`, 'a value of type record'],
      ['invalid-shape', `$["@graph"][${at}]["ceterms:subjectWebpage"]`, 'an absolute URI'],
      ['invalid-shape', `$["@graph"][${at}]["ceterms:color"]`, 'no field "ceterms:color"'],
    ]);
    const certificate = copy(exported());
    const cert = certificate['@graph'].find((n) => n['@id'] === resourceOf(certificate, 'cert-data-analytics')['@id'])!;
    delete cert['ceterms:credentialStatusType'];
    expect(issuesOf(certificate).map((i) => i[2])).toEqual(['a credential status (required of credentials)']);
    const unknown = copy(exported());
    unknown['@graph'][0]!['@type'] = 'ceterms:Spaceship';
    expect(issuesOf(unknown)[0]!.slice(0, 2)).toEqual(['invalid-shape', '$["@graph"][0]["@type"]']);
  });

  it('wants every reference to resolve, every link returned, every id used once', () => {
    const doc = copy(exported());
    const sql = doc['@graph'].find((n) => n['@id'] === resourceOf(doc, 'mc-sql')['@id'])!;
    const at = doc['@graph'].indexOf(sql);
    sql['ceterms:ownedBy'] = ['https://credentialengineregistry.org/resources/ce-00000000-0000-8000-8000-000000000000'];
    const certificate = doc['@graph'].find((n) => n['@id'] === resourceOf(doc, 'cert-data-analytics')['@id'])!;
    certificate['ceterms:hasPart'] = (certificate['ceterms:hasPart'] as string[]).filter((uri) => uri !== sql['@id']);
    const issues = issuesOf(doc);
    expect(issues[0]).toEqual([
      'unknown-reference',
      `$["@graph"][${at}]["ceterms:ownedBy"][0]`,
      'the @id of a ceterms:CredentialOrganization in the graph',
    ]);
    expect(issues[1]![0]).toBe('invalid-shape');
    expect(issues[1]![2]).toMatch(/^a link its target returns: .* has no ceterms:hasPart /);

    const twice = copy(exported());
    twice['@graph'].push(twice['@graph'][0]!);
    expect(issuesOf(twice).map((i) => i.slice(0, 2))).toEqual([
      ['duplicate-id', `$["@graph"][${twice['@graph'].length - 1}]["@id"]`],
      ['duplicate-id', `$["@graph"][${twice['@graph'].length - 1}]["ceterms:ctid"]`],
    ]);
  });

  it('reading back names a component that does not say how its credential counts', () => {
    const doc = copy(exported());
    const option = doc['@graph'].find((n) =>
      JSON.stringify(n['ceterms:identifier'] ?? []).includes('"ceterms:identifierValueCode":"rule"'),
    )!;
    option['ceterms:identifier'] = (option['ceterms:identifier'] as CtdlNode[]).filter(
      (v) => (v['ceterms:identifierTypeName'] as { 'en-US': string })['en-US'] !== 'credstack credit rule',
    );
    const result = ctdlToStackingGraph(doc);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => formatPath(i.path))).toEqual([
        `$["@graph"][${doc['@graph'].indexOf(option)}]["ceterms:identifier"]`,
      ]);
  });
});

describe('a plan as a CTDL pathway', () => {
  const best = async () => {
    const result = await plan(shippedCatalog(), readFixture('ben-stacking-certificates.json') as never, {
      target: 'cert-cloud-security',
      asOf: AS_OF,
    });
    if (!result.ok || !result.value.best) throw new Error(JSON.stringify(result));
    return result.value.best;
  };

  it('leads to the target, a component for each credential to earn, steps in order, and validates', async () => {
    const planned = await best();
    const doc = planToCtdl(shippedCatalog(), planned, { learner: 's-1002' });
    expect(validateCtdl(doc).ok ? [] : validateCtdl(doc)).toEqual([]);
    const [pathway] = doc['@graph'].filter((n) => n['@type'] === 'ceterms:Pathway');
    expect((pathway!['ceterms:name'] as { 'en-US': string })['en-US']).toBe(
      'Plan to complete the Cloud Security Certificate (s-1002)',
    );
    const steps = doc['@graph'].filter((n) =>
      /^Step \d/.test((n['ceterms:description'] as { 'en-US'?: string })?.['en-US'] ?? ''),
    );
    const proxied = steps.map(
      (s) =>
        (s['ceterms:identifier'] as { 'ceterms:identifierValueCode': string }[])[0]!['ceterms:identifierValueCode'],
    );
    expect(proxied.sort()).toEqual([...planned.credentials].sort());
    expect(proxied).toHaveLength(4);
    // Each step precedes the next: the components of step 1 point to those of step 2, and back.
    const byStep = (k: number) =>
      steps.filter((s) => (s['ceterms:description'] as { 'en-US': string })['en-US'].startsWith(`Step ${k} `));
    if (planned.steps.length > 1) {
      expect(byStep(1)[0]!['ceterms:precedes']).toEqual(byStep(2).map((s) => s['@id']));
      expect(byStep(2)[0]!['ceterms:precededBy']).toEqual(byStep(1).map((s) => s['@id']));
    }
  });
});

describe('the CLI', () => {
  it('credstack graph --format ctdl prints the export, which validates', async () => {
    const run = await cli([
      'graph',
      '--format',
      'ctdl',
      '--as-of',
      AS_OF,
      '--base-url',
      'https://catalog.riverbend.edu/',
    ]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(validateCtdl(doc).ok).toBe(true);
    expect(JSON.stringify(doc)).toBe(
      JSON.stringify(stackingGraphToCtdl(shippedCatalog(), { asOf: AS_OF, baseUrl: 'https://catalog.riverbend.edu/' })),
    );
  });

  it('credstack plan --format ctdl prints the best plan as a pathway', async () => {
    const run = await cli([
      'plan',
      'fixtures/ben-stacking-certificates.json',
      '--target',
      'cert-data-engineering',
      '--as-of',
      AS_OF,
      '--format',
      'ctdl',
    ]);
    expect(run.code).toBe(0);
    expect(validateCtdl(JSON.parse(run.stdout)).ok).toBe(true);
  });
});
