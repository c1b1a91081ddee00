/**
 * credstack: decide which credentials a learner holds stack into certificates and count
 * toward degrees, and what remains. Pure functions, no I/O (file loading is in `credstack/node`).
 * @packageDocumentation
 */
export * from './model/index.js';
export { loadCatalog, type CatalogSource } from './catalog/load-catalog.js';
export {
  buildStackingGraph,
  type StackingGraph,
  type StackingEdge,
  type StackingNode,
  type StackingPath,
} from './catalog/stacking-graph.js';
export { compileCondition, type Predicate, type Facts } from './rules/compile-condition.js';
export { evaluateWithEngine } from './rules/reference-engine.js';
export type { OperatorContext } from './rules/operators.js';
export { issueText } from './report/issue-text.js';
export { renderGraph, GRAPH_FORMATS, type GraphFormat } from './report/graph-format.js';
export { audit, type AuditOptions } from './audit/audit.js';
export type * from './audit/audit-result.js';
export { solveAllocation, DEFAULT_STEP_BUDGET, type Solution } from './audit/solve-allocation.js';
export type { AllocationProblem, PlanNode, PlanItem, PlanPolicies, Score } from './audit/allocation-problem.js';
export { auditToText, type TextStyle } from './report/audit-text.js';
export { catalogTitles, type Titles } from './report/titles.js';
export { reasonText, explanationText, recommendationText, noticeText } from './report/reason-text.js';
export {
  auditReportJson,
  programAuditJson,
  type AuditReportJson,
  type ProgramAuditJson,
  type Worded,
} from './report/audit-json.js';
export { convertCredentials, detectInput, type Conversion, type InputKind } from './interop/convert-credentials.js';
export type { ConversionNotice, ConversionNoticeCode } from './interop/conversion-notice.js';
export { stackingGraphToCtdl, type CtdlExportOptions } from './interop/ctdl-export.js';
export { planToCtdl, type CtdlPlanOptions } from './interop/ctdl-plan.js';
export { ctdlToStackingGraph, validateCtdl, type CtdlStackingGraph, type ValidCtdl } from './interop/ctdl-import.js';
export type { CtdlDocument, CtdlNode } from './interop/ctdl-writer.js';
export { auditBatch } from './batch/audit-batch.js';
export { auditBatchInput, recordLine, type BatchInput, type BatchRecord } from './batch/batch-record.js';
export { csvRows, CSV_HEADER } from './report/csv-summary.js';
export {
  plan,
  orderByPrerequisites,
  type PathwayPlan,
  type PlanResult,
  type PlanOptions,
  type PlanStep,
} from './pathways/plan.js';
export { recommend, type Recommendation } from './pathways/recommend.js';
export { withStillNeeded, type StillNeededOptions } from './pathways/still-needed.js';
export { whatIf, WhatIfAwards } from './pathways/what-if.js';
export { auditToHtml, type HtmlExtras } from './report/audit-html.js';
export { openRequirements } from './audit/remaining.js';
