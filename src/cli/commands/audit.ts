import { Option, type Command } from 'commander';
import { audit } from '../../audit/audit.js';
import { buildStackingGraph } from '../../catalog/stacking-graph.js';
import type { Catalog } from '../../model/catalog.js';
import type { AuditReport } from '../../audit/audit-result.js';
import type { PathwayPlan } from '../../pathways/plan.js';
import type { TermsOption } from '../../pathways/plan-terms.js';
import { recommend, type Recommendation } from '../../pathways/recommend.js';
import { planIncomplete, withPlans } from '../../pathways/still-needed.js';
import { whatIf } from '../../pathways/what-if.js';
import { auditToHtml } from '../../report/audit-html.js';
import { auditReportJson } from '../../report/audit-json.js';
import type { ConversionNotice } from '../../interop/conversion-notice.js';
import { noticeText } from '../../report/reason-text.js';
import { auditToText, recommendationsToText } from '../../report/audit-text.js';
import { catalogTitles } from '../../report/titles.js';
import { writeFileAtomically } from '../../io/write-file.js';
import { resolve } from 'node:path';
import type { CliIo } from '../io.js';
import { wantsColor } from '../color.js';
import { asOfOption, catalogDateOption, programOption, termsOption, todayIn } from '../options.js';
import { blameOn } from '../blame.js';
import { inputName, readLearnerInput, readWhatIf } from '../read-input.js';
import { catalogAt, valueOrThrow } from '../run-command.js';

interface AuditCommandOptions {
  catalog?: string;
  program?: string[];
  all?: boolean;
  asOf?: string;
  catalogDate?: string;
  format: 'text' | 'json' | 'html';
  whatIf?: string;
  terms?: TermsOption;
  out?: string;
}

/** `credstack audit <transcript.json|-> [--catalog PATH] [--program ID]... [--all] [--as-of DATE] [--format text|json|html] [--what-if FILE]`. */
export function registerAudit(program: Command, io: CliIo): void {
  program
    .command('audit')
    .description('audit a transcript against programs: what counts where, what is complete, what remains')
    .argument(
      '<transcript>',
      'transcript JSON file (or Open Badges 3.0 / CLR 2.0 credentials), or - for standard input',
    )
    .option('--catalog <path>', 'catalog file or folder (default: the shipped catalog)')
    .addOption(programOption('a program to audit (nested programs are audited with it)'))
    .option('--all', 'audit every program in the catalog, and rank them by what remains')
    .addOption(asOfOption())
    .addOption(catalogDateOption())
    .addOption(
      new Option('--format <format>', 'output format: text, json, or a self-contained html advising report')
        .choices(['text', 'json', 'html'])
        .default('text'),
    )
    .option('--what-if <file>', 'planned awards to count as if completed (an array of awards, or { "awards": [...] })')
    .option(
      '--terms <start[:credits]>',
      'plan what remains term by term from this term (2026-fall:15): the page shows the schedule, the ranking breaks ties by terms',
      termsOption,
    )
    .option('--out <file>', 'write the output to this file (atomically) instead of standard output')
    .action(async (file: string, options: AuditCommandOptions) => {
      const catalog = catalogAt(io, options.catalog);
      const { transcript, notices } = await readLearnerInput(io, file, catalog);
      const programs = options.program ?? [];
      // No program named: the programs the learner declares, else every program, ranked.
      const all = options.all === true || (programs.length === 0 && !declaresPrograms(transcript));
      const dates = {
        ...(options.asOf ? { asOf: options.asOf } : {}),
        ...(options.catalogDate ? { catalogDate: options.catalogDate } : {}),
        defaultAsOf: todayIn(io),
      };
      const auditOptions = { programs, all, ...dates };
      const planned = options.whatIf ? await readWhatIf(io, options.whatIf) : undefined;
      const extra = planned?.awards;
      const blame = blameOn({
        transcript: inputName(file),
        options: { programs: '--program' },
        ...(planned ? { whatIf: planned.input } : {}),
      });
      const audited = valueOrThrow(
        extra ? whatIf(catalog, transcript, extra, auditOptions) : audit(catalog, transcript, auditOptions),
        blame,
      );
      // What each incomplete program still needs: its exact plan, planned once for stillNeeded, the
      // ranking and the page (which shows the plans' steps, term by term with --terms, instead of stillNeeded).
      const stillNeeded = { ...dates, ...(extra ? { whatIf: extra } : {}) };
      const plans = valueOrThrow(await planIncomplete(catalog, transcript as never, audited, stillNeeded), blame);
      const terms = options.terms;
      const schedules = terms
        ? valueOrThrow(await planIncomplete(catalog, transcript as never, audited, { ...stillNeeded, terms }), blame)
        : undefined;
      const report = options.format === 'html' ? audited : withPlans(audited, plans);
      const recommendations = valueOrThrow(
        await recommend(catalog, transcript as never, report, {
          ...stillNeeded,
          plans,
          ...(terms && schedules ? { terms, schedules } : {}),
        }),
        blame,
      );
      const ranking = all && programs.length === 0 ? recommendations : undefined;
      const steps = new Map<string, PathwayPlan>();
      for (const [program, planned] of schedules ?? plans) if (planned.best) steps.set(program, planned.best);
      const text = render(report, options.format, catalog, transcript, {
        io,
        recommendations,
        ranking,
        steps,
        notices,
      });
      if (options.out) await writeFileAtomically(resolve(io.cwd, options.out), text);
      else io.stdout.write(text);
    });
}

/** Whether a transcript (not yet parsed) names the programs its learner is enrolled in. */
function declaresPrograms(transcript: unknown): boolean {
  const declared = (transcript as { learner?: { declared?: unknown } } | null)?.learner?.declared;
  return Array.isArray(declared) && declared.length > 0;
}

/** What the output shows besides the report: the ranking, the plans' steps, conversion notices. */
interface RenderExtras {
  readonly io: CliIo;
  readonly recommendations: readonly Recommendation[];
  /** The ranking printed after a text audit of every program. */
  readonly ranking: readonly Recommendation[] | undefined;
  /** Each incomplete program's plan (its schedule with --terms), for the page's next steps. */
  readonly steps: ReadonlyMap<string, PathwayPlan>;
  readonly notices: readonly ConversionNotice[];
}

function render(
  report: AuditReport,
  format: AuditCommandOptions['format'],
  catalog: Catalog,
  transcript: unknown,
  { io, recommendations, ranking, steps, notices }: RenderExtras,
): string {
  if (format === 'json') {
    // How converted credentials were read is part of the audit's data (SPEC section 7): each notice with its wording.
    const worded = notices.map((notice) => ({ ...notice, message: noticeText(notice) }));
    return `${JSON.stringify({ ...auditReportJson(report), ...(worded.length > 0 ? { notices: worded } : {}) }, null, 2)}\n`;
  }
  if (format === 'text') {
    return (
      auditToText(report, { color: wantsColor(io), titles: catalogTitles(catalog) }) +
      (ranking ? recommendationsToText(ranking) : '')
    );
  }
  const titles = catalogTitles(catalog);
  const awards = new Map(
    ((transcript as { awards?: { id?: string; credential?: string }[] }).awards ?? []).flatMap((a) =>
      a.id !== undefined && a.credential ? [[a.id, a.credential] as const] : [],
    ),
  );
  const held = [...new Set(awards.values())];
  return auditToHtml(report, {
    graph: buildStackingGraph(catalog, report.asOf),
    recommendations,
    plans: steps,
    titles,
    held,
    awards,
  });
}
