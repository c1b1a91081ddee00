import type { Catalog } from '../model/catalog.js';
import type { Program } from '../model/program.js';
import { overlap } from './program-versions.js';
import type { Condition } from '../model/condition.js';
import { describeValue, type Issue, type IssueCode } from '../model/issue.js';
import { ITEM_FACTS, LEARNER_FACTS, RULE_FACTS } from '../model/vocabulary.js';
import { checkCondition } from '../rules/check-condition.js';
import { programCycles } from './program-cycles.js';
import { programDependencyGraph } from './program-order.js';
import { kindModule, leafOf } from '../requirements/registry.js';
import { eachRequirement } from './requirement-tree.js';
import { checkSharesAndAsserts } from './check-share-assert.js';

/** Where each catalog entry came from: its file and JSON path, by section and merged index. */
export interface Origin {
  readonly file: string;
  readonly path: readonly (string | number)[];
}
export interface Origins {
  credentials: Origin[];
  programs: Origin[];
  rules: Origin[];
  settings: string | undefined;
}

/** Checks a merged catalog beyond its schema; returns every problem found. */
export function checkCatalog(catalog: Catalog, origins: Origins): Issue[] {
  const issues: Issue[] = [];
  const report = (
    code: IssueCode,
    origin: Origin | undefined,
    path: (string | number)[],
    expected: string,
    received?: string,
  ) =>
    issues.push({
      code,
      file: origin?.file ?? '(catalog)',
      path: [...(origin?.path ?? []), ...path],
      expected,
      ...(received === undefined ? {} : { received }),
    });

  const credentialIds = new Set<string>();
  const programIds = new Set(catalog.programs.map((p) => p.id));
  const firstSeen = new Map<string, Origin | undefined>();
  const noteId = (id: string, origin: Origin | undefined) => {
    const first = firstSeen.get(id);
    if (firstSeen.has(id))
      report(
        'duplicate-id',
        origin,
        ['id'],
        `a unique id (${describeValue(id)} is already defined at ${first?.file} ${formatOrigin(first)})`,
        describeValue(id),
      );
    else firstSeen.set(id, origin);
  };
  const programAt = new Map<string, Origin | undefined>();
  catalog.programs.forEach((p, i) => programAt.has(p.id) || programAt.set(p.id, origins.programs[i]));
  catalog.credentials.forEach((c, i) => {
    credentialIds.add(c.id);
    if (!programAt.has(c.id)) return noteId(c.id, origins.credentials[i]);
    const program = programAt.get(c.id);
    report(
      'duplicate-id',
      origins.credentials[i],
      ['id'],
      `no credential with the id of a program (${describeValue(c.id)} is the program at ${program?.file} ${formatOrigin(program)}): a program is itself a credential, so it is not listed again under credentials`,
      describeValue(c.id),
    );
  });
  const versionsSeen = new Map<string, { program: Program; origin: Origin | undefined }[]>();
  catalog.programs.forEach((p, i) => {
    const origin = origins.programs[i];
    const versions = versionsSeen.get(p.id);
    if (!versions) {
      versionsSeen.set(p.id, [{ program: p, origin }]);
      return noteId(p.id, origin);
    }
    // Programs sharing an id are versions (catalog years): their effective ranges must not overlap.
    const clash = versions.find((v) => overlap(v.program, p));
    if (clash)
      report(
        'duplicate-id',
        origin,
        ['effective'],
        `a version whose catalog years do not overlap those of ${describeValue(p.id)} at ${clash.origin?.file} ${formatOrigin(clash.origin)} (give both "effective" ranges)`,
        describeValue(p.id),
      );
    versions.push({ program: p, origin });
  });
  const ruleNames = new Map<string, Origin | undefined>();
  catalog.rules.forEach((rule, i) => {
    if (ruleNames.has(rule.name))
      report(
        'duplicate-id',
        origins.rules[i],
        ['name'],
        `a unique rule name (${describeValue(rule.name)} is already used at ${formatOrigin(ruleNames.get(rule.name))})`,
      );
    else ruleNames.set(rule.name, origins.rules[i]);
  });

  const { settings } = catalog;
  const grades = Object.keys(settings.gradeScale);
  const units = new Set([settings.unit, ...Object.keys(settings.conversions)]);
  const settingsOrigin: Origin | undefined = origins.settings
    ? { file: origins.settings, path: ['settings'] }
    : undefined;
  settings.passingGrades.forEach((g, i) => {
    if (!grades.includes(g))
      report('unknown-reference', settingsOrigin, ['passingGrades', i], 'a grade of the grade scale', describeValue(g));
  });
  const anyCredential = (id: string) => credentialIds.has(id) || programIds.has(id);
  const checkUnit = (unit: string | undefined, origin: Origin | undefined, path: (string | number)[]) => {
    if (unit !== undefined && !units.has(unit))
      report(
        'unknown-reference',
        origin,
        path,
        `a unit the catalog knows (${[...units].join(', ')}); add a conversion in settings`,
        describeValue(unit),
      );
  };
  const checkConditionAt = (
    condition: Condition,
    origin: Origin | undefined,
    path: (string | number)[],
    facts: readonly string[],
  ) =>
    issues.push(
      ...checkCondition(condition, {
        file: origin?.file ?? '(catalog)',
        path: [...(origin?.path ?? []), ...path],
        facts,
        grades,
      }),
    );

  catalog.credentials.forEach((credential, i) => {
    const origin = origins.credentials[i];
    checkUnit(credential.credits?.unit, origin, ['credits', 'unit']);
    credential.prerequisites?.forEach((id, j) => {
      if (!anyCredential(id))
        report('unknown-reference', origin, ['prerequisites', j], 'the id of a catalog credential', describeValue(id));
    });
    credential.offered?.forEach((term, j) => {
      const terms = catalog.settings.terms ?? [];
      if (!terms.includes(term))
        report(
          'unknown-reference',
          origin,
          ['offered', j],
          terms.length > 0
            ? `one of the catalog's terms (${terms.join(', ')})`
            : 'no term: the catalog has no settings.terms',
          describeValue(term),
        );
    });
  });

  catalog.programs.forEach((program, i) => {
    const origin = origins.programs[i];
    checkUnit(program.credits?.unit, origin, ['credits', 'unit']);
    const policy = program.policy;
    if (policy?.minGpa !== undefined && policy.gpa !== undefined)
      report('invalid-shape', origin, ['policy', 'gpa'], 'one GPA policy: "minGpa" or "gpa", not both');
    if (policy?.minGrade !== undefined && !grades.includes(policy.minGrade))
      report(
        'unknown-reference',
        origin,
        ['policy', 'minGrade'],
        'a grade of the grade scale',
        describeValue(policy.minGrade),
      );
    policy?.limits?.forEach((limit, j) =>
      checkConditionAt(limit.where, origin, ['policy', 'limits', j, 'where'], ITEM_FACTS),
    );
    policy?.sharing?.forEach((s, j) => {
      if (!programIds.has(s.with))
        report(
          'unknown-reference',
          origin,
          ['policy', 'sharing', j, 'with'],
          'the id of a catalog program',
          describeValue(s.with),
        );
    });
    policy?.exclusiveWith?.forEach((id, j) => {
      if (!programIds.has(id))
        report(
          'unknown-reference',
          origin,
          ['policy', 'exclusiveWith', j],
          'the id of a catalog program',
          describeValue(id),
        );
    });
    if (program.effective?.from && program.effective.to && program.effective.from > program.effective.to)
      report(
        'never-completable',
        origin,
        ['effective'],
        'catalog years whose "from" is not after "to"',
        `${program.effective.from} .. ${program.effective.to}`,
      );
    const requirementIds = new Set<string>();
    eachRequirement(program.requirements, ['requirements'], (node, path, ancestors) => {
      if (node.id !== undefined) {
        if (requirementIds.has(node.id))
          report(
            'duplicate-id',
            origin,
            [...path, 'id'],
            `a requirement id unique within the program (${describeValue(node.id)} is used twice)`,
          );
        requirementIds.add(node.id);
      }
      if (node.minGrade !== undefined && !grades.includes(node.minGrade))
        report(
          'unknown-reference',
          origin,
          [...path, 'minGrade'],
          'a grade of the grade scale',
          describeValue(node.minGrade),
        );
      kindModule(node).check(node, {
        isCredential: anyCredential,
        isProgram: (id) => programIds.has(id),
        report: (code, below, expected, received) => report(code, origin, [...path, ...below], expected, received),
        checkCondition: (condition, below) => checkConditionAt(condition, origin, [...path, ...below], ITEM_FACTS),
      });
      if (node.when !== undefined) {
        if (ancestors.length === 0)
          report(
            'invalid-shape',
            origin,
            [...path, 'when'],
            'a "when" below the root (a program applies to every learner it is audited for)',
          );
        else checkConditionAt(node.when, origin, [...path, 'when'], LEARNER_FACTS);
      }
      const spec = leafOf(node);
      const countCap = Math.min(...[node, ...ancestors].map((n) => n.maxCount ?? Infinity));
      if (spec?.measure === 'count' && countCap < spec.amount)
        report(
          'never-completable',
          origin,
          [...path, 'count'],
          `at most the cap of ${countCap} items that applies here`,
          String(spec.amount),
        );
      const cap = [node, ...ancestors].map((n) => n.maxCredits).filter((c): c is number => c !== undefined);
      if (spec?.measure === 'credits' && cap.length > 0 && Math.min(...cap) < spec.amount)
        report(
          'never-completable',
          origin,
          [...path, 'credits'],
          `at most the cap of ${Math.min(...cap)} credits that applies here`,
          String(spec.amount),
        );
    });
    checkSharesAndAsserts(program.requirements, ['requirements'], {
      report: (code, path, expected, received) => report(code, origin, path, expected, received),
      checkCondition: (condition, path) => checkConditionAt(condition, origin, path, ITEM_FACTS),
      grades,
    });
  });

  catalog.rules.forEach((rule, i) => {
    const origin = origins.rules[i];
    checkConditionAt(rule.conditions, origin, ['conditions'], RULE_FACTS);
    const event = rule.event;
    if (event.type === 'grant') {
      checkUnit(event.params.unit, origin, ['event', 'params', 'unit']);
      event.params.as?.forEach((id, j) => {
        if (!anyCredential(id))
          report(
            'unknown-reference',
            origin,
            ['event', 'params', 'as', j],
            'the id of a catalog credential',
            describeValue(id),
          );
      });
    }
    if (event.type === 'deny')
      event.params.programs?.forEach((id, j) => {
        if (!programIds.has(id))
          report(
            'unknown-reference',
            origin,
            ['event', 'params', 'programs', j],
            'the id of a catalog program',
            describeValue(id),
          );
      });
  });

  issues.push(...checkProgramCycles(catalog, origins));
  return issues;
}

function formatOrigin(origin: Origin | undefined): string {
  return origin
    ? origin.path
        .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
        .join('')
        .replace(/^\./, '$.')
    : '';
}

/** Programs that require one another in a loop can never be audited: report each loop's path. */
function checkProgramCycles(catalog: Catalog, origins: Origins): Issue[] {
  return programCycles(programDependencyGraph(catalog)).map((cycle) => {
    const index = catalog.programs.findIndex((p) => p.id === cycle[0]);
    const origin = origins.programs[index];
    return {
      code: 'program-cycle',
      file: origin?.file ?? '(catalog)',
      path: [...(origin?.path ?? []), 'requirements'],
      expected: 'programs that do not require one another in a loop',
      received: cycleText(cycle),
    } satisfies Issue;
  });
}

/** Programs shown of a long loop: enough to find it, short enough to read. */
const CYCLE_SHOWN = 10;

/** A loop as text, back to its start: `p-a → p-b → p-a`; a long one shortened in the middle. */
function cycleText(cycle: readonly string[]): string {
  const shown =
    cycle.length <= CYCLE_SHOWN + 2
      ? cycle
      : [...cycle.slice(0, CYCLE_SHOWN), `… ${cycle.length - CYCLE_SHOWN - 1} more …`, cycle.at(-1)!];
  return [...shown, cycle[0]].join(' → ');
}
