import { assertChildren, type Assertion } from '../model/assertion.js';
import type { Condition } from '../model/condition.js';
import { describeValue, type IssueCode } from '../model/issue.js';
import type { Requirement } from '../model/requirement.js';
import { eachRequirement } from './requirement-tree.js';

/** How the checks of one program report, and check the conditions they find. */
export interface ShareAssertContext {
  readonly report: (code: IssueCode, path: (string | number)[], expected: string, received?: string) => void;
  readonly checkCondition: (condition: Condition, path: (string | number)[]) => void;
  readonly grades: readonly string[];
}

/**
 * Checks a program's listed double counting (`share: { with, where }`) and asserts: every listed
 * id names another node of the program that neither contains nor lies under the sharing node,
 * no listed node contains another, and every condition and grade inside is one the catalog knows.
 */
export function checkSharesAndAsserts(root: Requirement, path: (string | number)[], context: ShareAssertContext) {
  const byId = new Map<string, Requirement>();
  const lineage = new Map<Requirement, readonly Requirement[]>();
  const sharing: { node: Requirement; path: (string | number)[] }[] = [];
  eachRequirement(root, path, (node, at, ancestors) => {
    if (node.id !== undefined && !byId.has(node.id)) byId.set(node.id, node);
    lineage.set(node, ancestors);
    if (typeof node.share === 'object') sharing.push({ node, path: at });
    if (node.assert !== undefined) checkAssertion(node.assert, [...at, 'assert'], context);
  });
  const related = (a: Requirement, b: Requirement) =>
    a === b || lineage.get(a)!.includes(b) || lineage.get(b)!.includes(a);
  for (const { node, path: at } of sharing) {
    const share = node.share as Exclude<Requirement['share'], boolean | undefined>;
    if (share.where !== undefined) context.checkCondition(share.where, [...at, 'share', 'where']);
    const listed: Requirement[] = [];
    share.with.forEach((id, i) => {
      const target = byId.get(id);
      const where = [...at, 'share', 'with', i];
      if (!target)
        context.report('unknown-reference', where, 'the id of a requirement of this program', describeValue(id));
      else if (related(node, target))
        context.report(
          'invalid-shape',
          where,
          'a requirement that neither contains nor lies under the sharing one',
          id,
        );
      else if (listed.some((other) => related(other, target)))
        context.report('invalid-shape', where, 'requirements of which none contains another', id);
      else listed.push(target);
    });
  }
}

function checkAssertion(node: Assertion, path: (string | number)[], context: ShareAssertContext) {
  if ('where' in node) {
    context.checkCondition(node.where, [...path, 'where']);
    if (node.minGrade !== undefined && !context.grades.includes(node.minGrade))
      context.report(
        'unknown-reference',
        [...path, 'minGrade'],
        'a grade of the grade scale',
        describeValue(node.minGrade),
      );
  }
  const key = 'all' in node ? 'all' : 'any';
  assertChildren(node).forEach((child, i) => checkAssertion(child, [...path, key, i], context));
}
