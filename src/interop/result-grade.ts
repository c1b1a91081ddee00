import type { Catalog, ResultScale } from '../model/catalog.js';
import { describeValue, fail, ok, type Issue, type Result } from '../model/issue.js';
import { ownValue } from '../model/own.js';
import type { ConversionNotice } from './conversion-notice.js';
import type { AchievementCredential, ResultDescription } from './open-badges-schema.js';

/** Result types whose values are numbers even when their description gives no range. */
const NUMERIC_TYPES = new Set([
  'GradePointAverage',
  'Percent',
  'PredictedScore',
  'RawScore',
  'RubricScore',
  'ScaledScore',
]);

const NUMBER = /^-?\d+(\.\d+)?$/;
const numberIn = (text: string | undefined) => (text !== undefined && NUMBER.test(text) ? Number(text) : undefined);

const isNumeric = (d: ResultDescription) =>
  d.requiredValue !== undefined ||
  d.valueMin !== undefined ||
  d.valueMax !== undefined ||
  (d.resultType !== undefined && NUMERIC_TYPES.has(d.resultType));

/** The grade of the band a value falls in: the band with the greatest `atLeast` not above it. */
function bandGrade(scale: ResultScale, value: number): string | undefined {
  let best: ResultScale[number] | undefined;
  for (const band of scale) if (band.atLeast <= value && (!best || band.atLeast > best.atLeast)) best = band;
  return best?.grade;
}

/** What an award's results say: its grade, or that it was not passed (and has no grade to say so). */
export interface ResultOutcome {
  readonly grade?: string;
  readonly notPassed?: boolean;
}

/**
 * What an Open Badges 3.0 credential's results say of its award (SPEC section 7): the grade of a
 * `LetterGrade` result; else of a numeric result (`value` against its description's
 * `requiredValue`, `valueMin`, `valueMax`) as `settings.resultScales[resultType]` maps it onto the
 * grade scale. A numeric result no scale maps gives no grade (a grade off the scale would make the
 * whole transcript invalid): below the pass mark the award was not passed (`notPassed`), and a
 * notice says either way. The first result that gives an outcome wins. A result naming no
 * description of the achievement gives none, with a notice; a numeric value that is not a number
 * or lies outside its range is an issue (paths from the credential).
 */
export function resultGrade(
  catalog: Catalog,
  award: string,
  vc: AchievementCredential,
  notices: ConversionNotice[],
): Result<ResultOutcome> {
  const subject = vc.credentialSubject;
  const descriptions = subject.achievement.resultDescription ?? [];
  const issues: Issue[] = [];
  let outcome: ResultOutcome | undefined;
  (subject.result ?? []).forEach((result, i) => {
    if (result.resultDescription === undefined || result.value === undefined) return;
    const at = descriptions.findIndex((d) => d.id === result.resultDescription);
    const description = descriptions[at];
    if (!description) {
      notices.push({ code: 'unknown-result-description', award, resultDescription: result.resultDescription });
      return;
    }
    if (description.resultType === 'LetterGrade') outcome ??= { grade: result.value };
    if (!isNumeric(description)) return;
    const found = numericGrade(catalog, award, result.value, description, notices, {
      value: ['credentialSubject', 'result', i, 'value'],
      description: ['credentialSubject', 'achievement', 'resultDescription', at],
    });
    if (!found.ok) issues.push(...found.issues);
    else outcome ??= found.value;
  });
  return issues.length > 0 ? fail(issues) : ok(outcome ?? {});
}

function numericGrade(
  catalog: Catalog,
  award: string,
  text: string,
  description: ResultDescription,
  notices: ConversionNotice[],
  paths: { readonly value: (string | number)[]; readonly description: (string | number)[] },
): Result<ResultOutcome> {
  const bounds = {
    requiredValue: description.requiredValue,
    valueMin: description.valueMin,
    valueMax: description.valueMax,
  };
  const issues: Issue[] = Object.entries(bounds)
    .filter(([, v]) => v !== undefined && numberIn(v) === undefined)
    .map(([key, v]) => ({
      code: 'invalid-badge',
      path: [...paths.description, key],
      expected: 'a number (the result description is numeric)',
      received: describeValue(v),
    }));
  const value = numberIn(text);
  const [required, min, max] = [numberIn(bounds.requiredValue), numberIn(bounds.valueMin), numberIn(bounds.valueMax)];
  if (value === undefined)
    issues.push({
      code: 'invalid-badge',
      path: paths.value,
      expected: `a number (result description ${description.id} is numeric)`,
      received: describeValue(text),
    });
  else if ((min !== undefined && value < min) || (max !== undefined && value > max))
    issues.push({
      code: 'invalid-badge',
      path: paths.value,
      expected: `a value from ${bounds.valueMin ?? 'any'} to ${bounds.valueMax ?? 'any'} (the range of result description ${description.id})`,
      received: describeValue(text),
    });
  if (issues.length > 0 || value === undefined) return fail(issues);
  const passed = required === undefined ? undefined : value >= required;
  if (passed === false)
    notices.push({ code: 'result-below-required', award, value: text, required: bounds.requiredValue! });
  const scale = ownValue(catalog.settings.resultScales, description.resultType ?? '');
  const mapped = scale ? bandGrade(scale, value) : undefined;
  if (mapped !== undefined) return ok({ grade: mapped });
  notices.push({
    code: 'result-not-on-scale',
    award,
    value: text,
    ...(description.resultType ? { resultType: description.resultType } : {}),
    ...(passed !== undefined ? { passed } : {}),
  });
  return ok(passed === false ? { notPassed: true } : {});
}
