import { loadCatalog } from '../../src/catalog/load-catalog.js';
import type { Issue } from '../../src/model/issue.js';
import { Requirement } from '../../src/model/requirement.js';
import { parseWith } from '../../src/model/parse.js';

/** Parses one requirement node: its issues as `[path, expected]`, or the node. */
export function parseNode(node: unknown) {
  const parsed = parseWith(Requirement, node);
  return parsed.ok ? { node: parsed.value } : { issues: parsed.issues.map((i) => [i.path.join('.'), i.expected]) };
}

/** The catalog issues of a program whose requirements are `node`, over courses A, B, C and program `nested`. */
export function catalogIssues(node: unknown): Pick<Issue, 'code' | 'path' | 'received'>[] {
  const course = (id: string) => ({ id, kind: 'course', title: id, credits: { value: 3, unit: 'semester' } });
  const result = loadCatalog([
    {
      file: 'kinds.json',
      json: {
        institution: { id: 'u', name: 'U' },
        settings: { unit: 'semester', gradeScale: { A: 4, F: 0 } },
        credentials: ['A', 'B', 'C'].map(course),
        programs: [
          { id: 'nested', kind: 'certificate', title: 'Nested', requirements: { credential: 'A' } },
          { id: 'p', kind: 'certificate', title: 'P', requirements: node },
        ],
      },
    },
  ]);
  return result.ok
    ? []
    : result.issues.map(({ code, path, received }) => ({
        code,
        path: path.slice(3),
        ...(received === undefined ? {} : { received }),
      }));
}
