import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { convertCredentials, detectInput } from '../../src/interop/convert-credentials.js';
import type { Catalog } from '../../src/model/catalog.js';
import { formatPath } from '../../src/model/issue.js';
import { cli, readFixture, shippedCatalog } from '../helpers.js';

/**
 * Public example credentials from across Europe (fixtures/badges/README.md names their sources),
 * converted as a registrar receiving them would, field by field.
 */

const UVH = 'badges/ob3-educredentials-uvh-microcredential.json';
const THEED = 'badges/ob3-educredentials-theed-regular.json';
const NETIS = 'badges/ob3-mynextid-netis-microcredential.json';
const DC4EU = 'badges/elm-dc4eu-barcelona-microcredential.json';
const EC = 'badges/elm-ec-microcredential-annex1.json';

const NETIS_ISSUER = 'urn:uuid:df1eceb0-c36a-4613-b3d7-992c9ee66f5b';

/** A catalog built from the given documents; fails the test when it is invalid. */
function catalogOf(json: unknown): Catalog {
  const result = loadCatalog([{ file: 'catalog.json', json }]);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const GRADES = { A: 4, B: 3, C: 2, F: 0 };
/** The ECTS grade score (1–10, pass mark 6) as letters, as a Dutch partner's transcript would be read. */
const ECTS_SCORE = [
  { atLeast: 8, grade: 'A' },
  { atLeast: 7, grade: 'B' },
  { atLeast: 6, grade: 'C' },
  { atLeast: 1, grade: 'F' },
];

/** A small catalog: one certificate that takes 1.5 semester credits of EQF level 4 work, C or better. */
const euCatalog = (settings: Record<string, unknown> = {}) =>
  catalogOf({
    institution: { id: 'lakeside', name: 'Lakeside College' },
    settings: {
      unit: 'semester',
      conversions: { ects: '1/2' },
      gradeScale: GRADES,
      resultScales: { 'ext:ECTSGradeScore': ECTS_SCORE },
      ...settings,
    },
    programs: [
      {
        id: 'cert-eu',
        kind: 'certificate',
        title: 'European Studies Certificate',
        policy: { minGrade: 'C' },
        requirements: {
          id: 'eqf4',
          where: { fact: 'tags', operator: 'contains', value: 'ext:EQF:4' },
          credits: 1.5,
        },
      },
    ],
  });

function convert(catalog: Catalog, json: unknown) {
  const result = convertCredentials(catalog, json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** A fixture with its (first) achievement's result value replaced. */
function withResult(value: string) {
  const json = readFixture(UVH) as { credentialSubject: { result: { value: string }[] } };
  json.credentialSubject.result[0]!.value = value;
  return json;
}

describe('an EU micro-credential of a Dutch university (educredentials wallet-test example)', () => {
  it('converts field by field: ECTS credits, the numeric result on the catalog grade scale, dates, issuer, alignments as tags', () => {
    const { kind, transcript, notices } = convert(euCatalog(), readFixture(UVH));
    expect(kind).toBe('open-badges');
    expect(transcript.learner).toEqual({ id: 'https://example.com/students/stu-7Z6X5W' });
    expect(transcript.awards).toEqual([
      {
        id: 'http://example.com/credentials/crd-A1B2C3',
        title: 'Microcredential Basisomzetting Kat naar Koffiezetapparaat',
        kind: 'badge',
        // "ECTS": 3.0 on the achievement: 3 credits in ECTS, the unit the credential states.
        credits: { value: 3, unit: 'ects' },
        // 8.5 on the 1–10 ECTS grade score (pass mark 6), A by the catalog's resultScales.
        grade: 'A',
        earned: '2024-08-30',
        expires: '2029-08-30',
        issuer: 'https://example.com/issuers/iss-9Z8Y7X',
        source: 'external',
        status: 'completed',
        tags: [
          'https://data.example.com/decisions/AV-7381',
          'ext:QualityAssurance:AV-7381',
          'https://content.example.com/description-eqf-levels',
          'ext:EQF:4',
        ],
      },
    ]);
    expect(notices.map((n) => n.code)).toEqual(['proofs-not-verified', 'unknown-achievement']);
  });

  it('counts: 3 ECTS are 1.5 semester credits of EQF level 4 work with grade A, and complete the certificate', () => {
    const catalog = euCatalog();
    const report = audit(catalog, convert(catalog, readFixture(UVH)).transcript, {
      programs: ['cert-eu'],
      asOf: '2026-05-15',
    });
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    const [result] = report.value.audits;
    expect(result!.status).toBe('complete');
    expect(result!.credits).toEqual({ applied: 1.5, required: null, unit: 'semester' });
    // Counted with its grade A: the certificate's minimum grade is C.
    expect(result!.requirements.applied).toEqual([
      {
        award: 'http://example.com/credentials/crd-A1B2C3',
        title: 'Microcredential Basisomzetting Kat naar Koffiezetapparaat',
        credits: 1.5,
      },
    ]);
  });

  it('without a result scale a pass counts without a grade, and a notice says no scale maps the result', () => {
    const catalog = euCatalog({ resultScales: undefined });
    const { transcript, notices } = convert(catalog, readFixture(UVH));
    expect(transcript.awards[0]).not.toHaveProperty('grade');
    expect(notices).toContainEqual({
      code: 'result-not-on-scale',
      award: 'http://example.com/credentials/crd-A1B2C3',
      value: '8.5',
      resultType: 'ext:ECTSGradeScore',
      passed: true,
    });
    const report = audit(catalog, transcript, { programs: ['cert-eu'], asOf: '2026-05-15' });
    expect(report.ok && report.value.audits[0]!.status).toBe('complete');
  });

  it('without a result scale a result below the pass mark leaves the award out, and says so', () => {
    const { transcript, notices } = convert(euCatalog({ resultScales: undefined }), withResult('5.5'));
    expect(transcript.awards).toEqual([]);
    expect(notices).toContainEqual({
      code: 'result-not-on-scale',
      award: 'http://example.com/credentials/crd-A1B2C3',
      value: '5.5',
      resultType: 'ext:ECTSGradeScore',
      passed: false,
    });
  });

  it('a result below the pass mark is said to be one, and maps to the failing grade, which does not count', () => {
    const catalog = euCatalog();
    const { transcript, notices } = convert(catalog, withResult('5.5'));
    expect(transcript.awards[0]!.grade).toBe('F');
    const report = audit(catalog, transcript, { programs: ['cert-eu'], asOf: '2026-05-15' });
    expect(report.ok && report.value.audits[0]!.unused[0]!.reasons).toEqual([{ code: 'failing-grade', grade: 'F' }]);
    expect(notices).toContainEqual({
      code: 'result-below-required',
      award: 'http://example.com/credentials/crd-A1B2C3',
      value: '5.5',
      required: '6',
    });
  });

  it('a result that is not a number, or outside its description range, is an issue naming the field', () => {
    for (const [value, expected] of [
      ['eight', 'a number (result description https://example.com/results/ects-nl-NL-A1B2C3 is numeric)'],
      ['11', 'a value from 1 to 10 (the range of result description https://example.com/results/ects-nl-NL-A1B2C3)'],
    ]) {
      const result = convertCredentials(euCatalog(), withResult(value!));
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.issues.map((i) => [i.code, formatPath(i.path), i.expected])).toEqual([
        [
          'invalid-badge',
          '$.credentialSubject.result[0].value',
          `${expected} (in credential http://example.com/credentials/crd-A1B2C3)`,
        ],
      ]);
    }
  });

  it('a scale whose grade is not on the grade scale is a catalog error', () => {
    const result = loadCatalog([
      {
        file: 'c.json',
        json: {
          institution: { id: 'x', name: 'X' },
          settings: { gradeScale: GRADES, resultScales: { Percent: [{ atLeast: 50, grade: 'P' }] } },
        },
      },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => [formatPath(i.path), i.expected])).toEqual([
        ['$.settings.resultScales.Percent[0].grade', 'a grade of the grade scale ("P" is not one)'],
      ]);
  });
});

describe('a second Dutch example whose result names no description of its achievement', () => {
  it('keeps its 6 ECTS and takes no grade, with a notice naming the missing description', () => {
    const { transcript, notices } = convert(euCatalog(), readFixture(THEED));
    expect(transcript.awards[0]).toMatchObject({
      id: 'http://example.com/credentials/crd-D4E5F6',
      title: 'The Force and Its Applications',
      credits: { value: 6, unit: 'ects' },
      earned: '2024-08-30',
      expires: '2029-08-30',
    });
    expect(transcript.awards[0]).not.toHaveProperty('grade');
    expect(notices).toContainEqual({
      code: 'unknown-result-description',
      award: 'http://example.com/credentials/crd-D4E5F6',
      resultDescription: 'https://example.com/results/ects-nl-NL-D4E5F6',
    });
  });
});

describe('an EU micro-credential of a Slovenian issuer (MyNextID example, creditsAvailable without a unit)', () => {
  it('converts field by field, and says that the catalog unit was assumed for its 5 credits', () => {
    const { transcript, notices } = convert(shippedCatalog(), readFixture(NETIS));
    expect(transcript.learner).toEqual({ id: 'urn:uuid:754208fc-d60e-4977-897f-54f58ed54707' });
    expect(transcript.awards).toEqual([
      {
        id: 'urn:uuid:00a0d11e-3749-4ee3-9b44-230c1774d387',
        title: 'Data Science Fundamentals',
        kind: 'micro-credential',
        code: 'DS-101-2024',
        credits: { value: 5, unit: 'semester' },
        earned: '2026-01-12',
        expires: '2026-12-31',
        issuer: NETIS_ISSUER,
        source: 'external',
        status: 'completed',
        tags: [
          'Data Science',
          'Analytics',
          'Python',
          'http://data.europa.eu/esco/skill/f10142ce-d522-49c3-9fd1-054fb63529d4',
          'http://data.europa.eu/esco/skill/81a2db2c-7e55-44d0-9cd9-74c25147d7cd',
        ],
      },
    ]);
    expect(notices).toContainEqual({
      code: 'unit-assumed',
      award: 'urn:uuid:00a0d11e-3749-4ee3-9b44-230c1774d387',
      credits: 5,
      unit: 'semester',
      issuer: NETIS_ISSUER,
    });
  });

  it('takes the unit the catalog states: the issuer unit, else the default external unit, and then assumes nothing', () => {
    const base = shippedCatalog();
    for (const settings of [
      { ...base.settings, issuerUnits: { [NETIS_ISSUER]: 'ects' } },
      { ...base.settings, defaultExternalUnit: 'ects' },
    ]) {
      const { transcript, notices } = convert({ ...base, settings }, readFixture(NETIS));
      expect(transcript.awards[0]!.credits).toEqual({ value: 5, unit: 'ects' });
      expect(notices.map((n) => n.code)).not.toContain('unit-assumed');
    }
  });

  it('its ESCO alignments are facts a credit rule can test', () => {
    const catalog = catalogOf({
      institution: { id: 'lakeside', name: 'Lakeside College' },
      settings: { unit: 'semester', conversions: { ects: '1/2' }, defaultExternalUnit: 'ects' },
      programs: [
        {
          id: 'cert-testing',
          kind: 'certificate',
          title: 'Software Testing Certificate',
          requirements: { id: 'testing', where: { fact: 'tags', operator: 'contains', value: 'testing' }, credits: 2 },
        },
      ],
      rules: [
        {
          name: 'esco-test-procedures',
          conditions: {
            all: [
              {
                fact: 'tags',
                operator: 'contains',
                value: 'http://data.europa.eu/esco/skill/f10142ce-d522-49c3-9fd1-054fb63529d4',
              },
            ],
          },
          event: { type: 'tag', params: { tags: ['testing'] } },
        },
      ],
    });
    const report = audit(catalog, convert(catalog, readFixture(NETIS)).transcript, {
      programs: ['cert-testing'],
      asOf: '2026-05-15',
    });
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    // 5 ECTS are 2.5 semester credits; the rule tagged the award through its ESCO skill.
    expect(report.value.audits[0]!.status).toBe('complete');
    expect(report.value.audits[0]!.credits.applied).toBe(2.5);
    expect(report.value.audits[0]!.explanations).toContainEqual(
      expect.objectContaining({ code: 'tag', rule: 'esco-test-procedures', tags: ['testing'] }),
    );
  });
});

describe('European Learning Model 3 (Europass EDC) credentials', () => {
  it('detects them, alone or in an array with Open Badges', () => {
    expect(detectInput(readFixture(DC4EU))).toBe('elm');
    expect(detectInput(readFixture(EC))).toBe('elm');
    expect(detectInput([readFixture(DC4EU), readFixture(EC)])).toBe('elm');
    expect(detectInput([readFixture(UVH), readFixture(DC4EU)])).toBe('mixed');
  });

  it('the DC4EU pilot micro-credential (prefixed terms): each field', () => {
    const { transcript, notices } = convert(shippedCatalog(), readFixture(DC4EU));
    expect(transcript.learner).toEqual({ id: 'did:ebsi:123456789' });
    expect(transcript.awards).toEqual([
      {
        id: 'urn:uuid:7b8c9d0e-f12a-43b5-9c7d-558766221111',
        title: 'Microcredential in Digital Competences',
        kind: 'micro-credential',
        // creditReceived: 3 points in the ECTS framework.
        credits: { value: 3, unit: 'ects' },
        // The awarding process's date.
        earned: '2025-07-01',
        issuer: 'did:ebsi:zABC987654321XYZ',
        source: 'external',
        status: 'completed',
        tags: ['http://data.europa.eu/snb/eqf/6', 'http://data.europa.eu/snb/isced-f/0610'],
      },
    ]);
    expect(notices).toEqual([
      { code: 'proofs-not-verified' },
      {
        code: 'unknown-achievement',
        award: 'urn:uuid:7b8c9d0e-f12a-43b5-9c7d-558766221111',
        achievement: 'urn:claim:digital-competences-micro',
        name: 'Microcredential in Digital Competences',
      },
      { code: 'grade-not-converted', award: 'urn:uuid:7b8c9d0e-f12a-43b5-9c7d-558766221111', grade: 'Pass' },
    ]);
  });

  it("the European Commission's Annex 1 sample micro-credential: each field", () => {
    const { transcript } = convert(shippedCatalog(), readFixture(EC));
    expect(transcript.learner).toEqual({ id: 'urn:epass:person:1' });
    expect(transcript.awards).toEqual([
      {
        id: 'urn:credential:3ef0ac26-9a1f-41c6-871b-2b82e670907b',
        title: 'Digital micro-credential creation',
        kind: 'micro-credential',
        // The qualification's creditPoint: 2 in the European Credit Transfer System.
        credits: { value: 2, unit: 'ects' },
        // No awarding date: the credential's validFrom, 2022-12-31T23:00:00Z, as the UTC date.
        earned: '2022-12-31',
        issuer: 'urn:epass:org:1',
        source: 'external',
        status: 'completed',
        tags: [
          'http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-896d-e1bdfa223de9',
          'http://data.europa.eu/esco/skill/80f308e6-0e09-404a-80cd-ec5f50f6f304',
          'http://data.europa.eu/esco/skill/326809fc-238d-40c2-881e-40042f7f2f0d',
          'http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a',
          'http://data.europa.eu/snb/dcf/u69o196gu6',
          'http://data.europa.eu/snb/dcf/3ol5wi3605',
          'http://data.europa.eu/snb/eqf/6',
          'http://data.europa.eu/snb/isced-f/003',
          'http://data.europa.eu/snb/isced-f/0688',
        ],
      },
    ]);
  });

  it('finds the catalog credential by claim or specification id, and maps the awarding body through issuerAliases', () => {
    const base = shippedCatalog();
    const catalog: Catalog = {
      ...base,
      settings: { ...base.settings, issuerAliases: { ...base.settings.issuerAliases, 'urn:epass:org:1': 'riverbend' } },
      credentials: base.credentials.map((c) =>
        c.id === 'mc-sql' ? { ...c, alignments: [...(c.alignments ?? []), 'urn:epass:qualification:1'] } : c,
      ),
    };
    const award = convert(catalog, readFixture(EC)).transcript.awards[0]!;
    expect(award).toMatchObject({ credential: 'mc-sql', issuer: 'riverbend', source: 'institution' });
    expect(award).not.toHaveProperty('title');
  });

  it('each achievement claim is an award; other claims are named in notices', () => {
    const json = readFixture(EC) as { credentialSubject: { hasClaim: unknown } };
    const achievement = json.credentialSubject.hasClaim as { id: string };
    json.credentialSubject.hasClaim = [
      achievement,
      { ...achievement, id: 'urn:epass:learningAchievement:2' },
      { id: 'urn:epass:activity:9', type: 'LearningActivity' },
    ];
    const { transcript, notices } = convert(shippedCatalog(), json);
    expect(transcript.awards.map((a) => a.id)).toEqual([
      'urn:credential:3ef0ac26-9a1f-41c6-871b-2b82e670907b#urn:epass:learningAchievement:1',
      'urn:credential:3ef0ac26-9a1f-41c6-871b-2b82e670907b#urn:epass:learningAchievement:2',
    ]);
    expect(notices).toContainEqual({
      code: 'claim-not-converted',
      credential: 'urn:credential:3ef0ac26-9a1f-41c6-871b-2b82e670907b',
      claim: 'urn:epass:activity:9',
      type: 'LearningActivity',
    });
  });

  it('converts an array of Open Badges and ELM credentials, and says when they name different subjects', () => {
    const { kind, transcript, notices } = convert(euCatalog(), [readFixture(UVH), readFixture(DC4EU)]);
    expect(kind).toBe('mixed');
    expect(transcript.awards.map((a) => a.credits)).toEqual([
      { value: 3, unit: 'ects' },
      { value: 3, unit: 'ects' },
    ]);
    expect(notices).toContainEqual({
      code: 'several-subjects',
      subjects: ['https://example.com/students/stu-7Z6X5W', 'did:ebsi:123456789'],
    });
  });

  it('names the field of bad input as the credential writes it, prefixes and all', () => {
    const json = readFixture(DC4EU) as {
      credentialSubject: { 'elm:hasClaim': { 'elm:creditReceived': { 'elm:point': string }[] }[] };
    };
    json.credentialSubject['elm:hasClaim'][0]!['elm:creditReceived'][0]!['elm:point'] = 'three';
    const result = convertCredentials(shippedCatalog(), json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, formatPath(i.path)])).toEqual([
      ['invalid-badge', '$.credentialSubject["elm:hasClaim"][0]["elm:creditReceived"][0]["elm:point"]'],
    ]);
    expect(result.issues[0]!.expected).toBe(
      'a number of credits of zero or more (in credential urn:uuid:7b8c9d0e-f12a-43b5-9c7d-558766221111)',
    );

    const ec = readFixture(EC) as { credentialSubject: { hasClaim: { awardedBy: unknown } } };
    ec.credentialSubject.hasClaim.awardedBy = 'yesterday';
    const bad = convertCredentials(shippedCatalog(), [ec]);
    expect(!bad.ok && bad.issues.map((i) => formatPath(i.path))).toEqual(['$[0].credentialSubject.hasClaim.awardedBy']);
    const noId = convertCredentials(shippedCatalog(), { type: ['VerifiableCredential', 'EuropeanDigitalCredential'] });
    expect(!noId.ok && noId.issues.map((i) => formatPath(i.path))).toEqual(['$.id', '$.issuer', '$.credentialSubject']);
  });
});

describe('the CLI', () => {
  it('credstack convert prints the transcript and words each notice on standard error', async () => {
    const run = await cli(['convert', `fixtures/${NETIS}`]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).awards[0].credits).toEqual({ value: 5, unit: 'semester' });
    expect(run.stderr).toContain(
      `note: award urn:uuid:00a0d11e-3749-4ee3-9b44-230c1774d387: 5 credits from ${NETIS_ISSUER} taken as semester credits (the catalog unit), an assumption: nothing states their unit (settings.issuerUnits or settings.defaultExternalUnit would)`,
    );
    const elm = await cli(['convert', `fixtures/${EC}`]);
    expect(elm.code).toBe(0);
    expect(JSON.parse(elm.stdout).awards[0].credits).toEqual({ value: 2, unit: 'ects' });
  });

  it('credstack audit --format json carries the notices as data, each with its wording', async () => {
    const run = await cli([
      'audit',
      `fixtures/${NETIS}`,
      '--program',
      'cert-data-analytics',
      '--as-of',
      '2026-05-15',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    const { notices } = JSON.parse(run.stdout) as { notices: { code: string; message: string }[] };
    expect(notices.map((n) => n.code)).toEqual(['proofs-not-verified', 'unknown-achievement', 'unit-assumed']);
    expect(notices[2]!.message).toMatch(/taken as semester credits \(the catalog unit\), an assumption/);
    const transcript = await cli([
      'audit',
      'fixtures/ada-bs-complete.json',
      '--program',
      'bs-data-science',
      '--format',
      'json',
    ]);
    expect(JSON.parse(transcript.stdout)).not.toHaveProperty('notices');
  });
});
