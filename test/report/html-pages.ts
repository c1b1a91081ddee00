import type { AuditReport } from '../../src/audit/audit-result.js';
import { audit } from '../../src/audit/audit.js';
import { buildStackingGraph } from '../../src/catalog/stacking-graph.js';
import { plan, type PathwayPlan, type PlanResult, type TermsOption } from '../../src/pathways/plan.js';
import { recommend } from '../../src/pathways/recommend.js';
import { whatIf } from '../../src/pathways/what-if.js';
import { auditToHtml } from '../../src/report/audit-html.js';
import type { AwardInput } from '../../src/model/transcript.js';
import { readFixture, shippedCatalog } from '../helpers.js';

/** What a test page shows: the audit, and the rendered page. */
export interface TestPage {
  readonly report: AuditReport;
  readonly html: string;
}

/**
 * The advising page of a fixture on the shipped catalog, made through the library as the CLI makes
 * it, with plans only for the programs named in `plans` (proven ones: the page stays the same bytes).
 */
export async function advisingPage(
  fixtureName: string,
  programs: readonly string[],
  options: {
    readonly whatIf?: readonly AwardInput[];
    readonly plans?: readonly { target: string; terms?: TermsOption }[];
  } = {},
): Promise<TestPage> {
  const catalog = shippedCatalog();
  const transcript = readFixture(fixtureName) as { awards: { id: string; credential?: string }[] };
  const result = options.whatIf
    ? whatIf(catalog, transcript as never, options.whatIf, { programs: [...programs] })
    : audit(catalog, transcript as never, { programs: [...programs] });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const report = result.value;
  const plans = new Map<string, PathwayPlan>();
  const planResults = new Map<string, PlanResult>();
  for (const wanted of options.plans ?? []) {
    const made = await plan(catalog, transcript as never, { ...wanted, asOf: report.asOf, alternatives: 0 });
    if (!made.ok || !made.value.best?.proven) throw new Error(`no proven plan for ${wanted.target}`);
    plans.set(wanted.target, made.value.best);
    planResults.set(wanted.target, made.value);
  }
  // The ranking reads the same proven plans only (a time-limited plan could differ between runs).
  const recommendations = await recommend(catalog, transcript as never, report, { plans: planResults });
  if (!recommendations.ok) throw new Error(JSON.stringify(recommendations.issues));
  const awards = new Map(transcript.awards.flatMap((a) => (a.credential ? [[a.id, a.credential] as const] : [])));
  const html = auditToHtml(report, {
    graph: buildStackingGraph(catalog, report.asOf),
    recommendations: recommendations.value,
    plans,
    titles: new Map([...catalog.credentials, ...catalog.programs].map((c) => [c.id, c.title])),
    held: [...new Set(awards.values())],
    awards,
  });
  return { report, html };
}
