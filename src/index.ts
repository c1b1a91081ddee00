/**
 * credstack: decide which credentials a learner holds stack into certificates and count
 * toward degrees, and what remains. Pure functions, no I/O: file loading is in `credstack/node`,
 * the shipped example catalog in `credstack/catalog`.
 *
 * This file is the public API, listed name by name: a module's other exports are internal and
 * may change in any release. test/package/exports.test.ts fails when this list changes without
 * its snapshot (test/package/exports.snapshot.json) changing with it.
 * @module credstack
 */

// Inputs: the catalog and the transcript (types; the checked shapes are the JSON Schemas in
// `credstack/schemas/*`).
export type { Issue, IssueCode, Result } from './model/issue.js';
export type { Catalog, CatalogPart, Settings, ResultScale } from './model/catalog.js';
export type { Credential, CredentialKind } from './model/credential.js';
export type { Credits } from './model/credits.js';
export type { Duration } from './model/dates.js';
export type { Condition, FactCondition } from './model/condition.js';
export type {
  Requirement,
  RequirementKinds,
  RequirementKindName,
  RequirementOfKind,
  NodeFields,
  AllRequirement,
  AnyRequirement,
  CredentialRequirement,
  ProgramRequirement,
  WhereRequirement,
} from './model/requirement.js';
export type { Program, Policy, Limit } from './model/program.js';
export type { Assertion, AssertLeaf, AssertAll, AssertAny, ShareWith } from './model/assertion.js';
export type { CreditRule, RuleEvent } from './model/rule.js';
export type {
  Transcript,
  TranscriptInput,
  Award,
  AwardInput,
  Learner,
  Exception,
} from './model/transcript.js';

// Loading a catalog from parsed JSON documents.
export { loadCatalog, type CatalogSource } from './catalog/load-catalog.js';

// Auditing.
export { audit, type AuditOptions } from './audit/audit.js';
export type * from './audit/audit-result.js';
export type { Placement } from './explain/reasons.js';

// Advising: what-if, exact plans, recommendations, what is still needed.
export { whatIf } from './pathways/what-if.js';
export { plan, type PathwayPlan, type PlanResult, type PlanOptions, type PlanStep } from './pathways/plan.js';
export type { TermsOption } from './pathways/plan-terms.js';
export {
  planIncomplete,
  withStillNeeded,
  type ProgramPlans,
  type StillNeededOptions,
} from './pathways/still-needed.js';
export {
  recommend,
  type Recommendation,
  type RecommendOptions,
  type RemainingEffort,
} from './pathways/recommend.js';

// Explaining one award: where it counts across programs, and why not elsewhere.
export {
  explainAward,
  type AwardExplanation,
  type AwardInProgram,
  type AwardPlace,
  type ExplainAwardOptions,
} from './audit/explain-award.js';

// Listing a catalog: programs (with their versions) and credentials.
export {
  listCatalog,
  type CatalogListing,
  type CredentialListing,
  type ProgramListing,
} from './catalog/list-catalog.js';

// The stacking graph: which credentials stack into which programs.
export {
  buildStackingGraph,
  type StackingGraph,
  type StackingEdge,
  type StackingNode,
  type StackingPath,
} from './catalog/stacking-graph.js';

// Converting: Open Badges 3.0, CLR 2.0 and ELM 3 credentials in; CTDL out and back.
export { convertCredentials, detectInput, type Conversion, type InputKind } from './interop/convert-credentials.js';
export type { ConversionNotice, ConversionNoticeCode } from './interop/conversion-notice.js';
export { stackingGraphToCtdl, type CtdlExportOptions } from './interop/ctdl-export.js';
export { planToCtdl, type CtdlPlanOptions } from './interop/ctdl-plan.js';
export { ctdlToStackingGraph, validateCtdl, type CtdlStackingGraph, type ValidCtdl } from './interop/ctdl-import.js';
export type { CtdlDocument, CtdlNode } from './interop/ctdl-writer.js';
export type { ComponentCondition, LangMap } from './interop/ctdl-schema.js';

// Rendering: text, JSON, HTML, CSV and graphs; the wording of issues, reasons and notices.
export { issueText } from './report/issue-text.js';
export { catalogTitles, type Titles } from './report/titles.js';
export { reasonText, explanationText, recommendationText, noticeText } from './report/reason-text.js';
export { auditToText, type TextStyle } from './report/audit-text.js';
export {
  auditReportJson,
  programAuditJson,
  type AuditReportJson,
  type ProgramAuditJson,
  type Worded,
} from './report/audit-json.js';
export { auditToHtml, type HtmlExtras } from './report/audit-html.js';
export { planResultJson, type PathwayPlanJson, type PlanResultJson } from './report/plan-json.js';
export { awardExplanationJson, awardExplanationText, type AwardExplanationJson } from './report/award-explanation.js';
export { catalogListingText } from './report/catalog-list-text.js';
export { csvRows, CSV_HEADER } from './report/csv-summary.js';
export { renderGraph, GRAPH_FORMATS, type GraphFormat } from './report/graph-format.js';

// Batches: many transcripts against one catalog (worker threads and file sources: `credstack/node`).
export { auditBatch } from './batch/audit-batch.js';
export type { BatchInput, BatchRecord } from './batch/batch-record.js';
