import type { AwardExplanation, AwardInProgram, AwardPlace } from '../audit/explain-award.js';
import type { AppliedItem, AuditStatus, Explanation, Reason } from '../audit/audit-result.js';
import type { Worded } from './audit-json.js';
import { explanationText, reasonText } from './reason-text.js';

/** An award's explanation as JSON output: every reason and explanation with its `message`. */
export interface AwardExplanationJson extends Omit<AwardExplanation, 'programs'> {
  readonly programs: readonly (Omit<AwardInProgram, 'reasons' | 'explanations'> & {
    readonly reasons: readonly Worded<Reason>[];
    readonly explanations: readonly Worded<Explanation>[];
  })[];
}

/** {@link AwardExplanation} as JSON output, worded as the audit's JSON is. *
 * @example
 * ```ts
 * import { awardExplanationJson, explainAward, type Catalog, type TranscriptInput } from 'credstack';
 *
 * declare const catalog: Catalog, transcript: TranscriptInput;
 * const explained = explainAward(catalog, transcript, 'a7', { programs: ['bs-data-science'] });
 * if (explained.ok) console.log(JSON.stringify(awardExplanationJson(explained.value), null, 2));
 * ```
 */
export function awardExplanationJson(explained: AwardExplanation): AwardExplanationJson {
  return {
    ...explained,
    programs: explained.programs.map((p) => ({
      ...p,
      reasons: p.reasons.map((r) => ({ ...r, message: reasonText(r) })),
      explanations: p.explanations.map((e) => ({ ...e, message: explanationText(e) })),
    })),
  };
}

const STATUS: Readonly<Record<AuditStatus, string>> = {
  complete: 'complete',
  'in-progress': 'in progress',
  incomplete: 'not yet complete',
};

const credits = (n: number) => `${n} credit${n === 1 ? '' : 's'}`;

/** How an applied item counts: "3 credits, in progress, also in core". */
function itemText(item: AppliedItem): string {
  return [
    credits(item.credits),
    item.capped ? `${credits(item.capped)} over a cap` : '',
    item.inProgress ? 'in progress' : '',
    item.hypothetical ? 'hypothetical' : '',
    item.exception ? `placed by exception (${item.exception.type}: ${item.exception.reason})` : '',
    item.alsoIn?.length ? `also in ${item.alsoIn.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** One place: "Core (core): 3 credits", or through a nested program. */
function placeText(place: AwardPlace): string {
  const requirement = place.label !== undefined ? `${place.label} (${place.requirement})` : place.requirement;
  return place.via !== undefined
    ? `${requirement}: as part of ${place.via.title} (${place.via.program}), which counts there (${itemText(place.item)})`
    : `${requirement}: ${itemText(place.item)}`;
}

/** How it counts in one program, in words. */
function countsText(p: AwardInProgram): string {
  if (p.counts === 'applied') return p.places.map(placeText).join('; ');
  if (p.counts === 'fall-through')
    return `meets no requirement, counts toward the total credits (${itemText(p.fallThrough!)})`;
  return p.reasons.map(reasonText).join('; ') || 'not counted';
}

/**
 * Where an award counts across programs, in words: the award, then the programs it counts toward
 * (requirements and credits), then those it does not (the audit's reasons). An explanation found
 * in every program (a credit rule) is said once under the award; the others under their program.
 *
 * @example
 * ```ts
 * import { awardExplanationText, explainAward, type Catalog, type TranscriptInput } from 'credstack';
 *
 * declare const catalog: Catalog, transcript: TranscriptInput;
 * const explained = explainAward(catalog, transcript, 'a7');
 * if (explained.ok) process.stdout.write(awardExplanationText(explained.value));
 * ```
 */
export function awardExplanationText(explained: AwardExplanation): string {
  const { award, programs } = explained;
  const name =
    award.title !== undefined ? `${award.title} (${award.credential ?? award.id})` : (award.credential ?? '');
  const messages = programs.map((p) => new Set(p.explanations.map(explanationText)));
  const everywhere = [...(messages[0] ?? [])].filter((m) => programs.length > 1 && messages.every((s) => s.has(m)));
  const lines = [`Award ${award.id}${name ? `: ${name}` : ''}, as of ${explained.asOf}`];
  lines.push(...everywhere.map((m) => `  ${m}`));
  const section = (heading: string, shown: readonly AwardInProgram[]) => {
    if (shown.length === 0) return;
    lines.push('', heading);
    for (const p of shown) {
      lines.push(`  ${p.title} (${p.program}, ${STATUS[p.status]}): ${countsText(p)}`);
      const own = [...new Set(p.explanations.map(explanationText))].filter((m) => !everywhere.includes(m));
      lines.push(...own.map((m) => `    - ${m}`));
    }
  };
  section(
    'Counts toward:',
    programs.filter((p) => p.counts !== 'unused'),
  );
  section(
    'Does not count toward:',
    programs.filter((p) => p.counts === 'unused'),
  );
  return `${lines.join('\n')}\n`;
}
