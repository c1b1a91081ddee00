import { describe, expect, it } from 'vitest';
import { plan } from '../../src/pathways/plan.js';
import { testCatalog, testCourse } from '../helpers.js';

const course = (id: string, subject: string, tags: string[] = []) => testCourse(id, { subject, tags });
const catalog = testCatalog({
  credentials: [course('DATA-210', 'DATA', ['wi']), course('ENGL-100', 'ENGL', ['wi'])],
  programs: [
    {
      id: 'ba',
      kind: 'degree',
      title: 'B.A.',
      requirements: {
        all: [
          {
            id: 'writing',
            where: { fact: 'tags', operator: 'contains', value: 'wi' },
            count: 1,
            share: { with: ['major'] },
          },
          { id: 'major', where: { fact: 'subject', operator: 'equal', value: 'DATA' }, credits: 3 },
        ],
      },
    },
  ],
  gradeScale: { A: 4 },
});

describe('plans and listed double counting', () => {
  it('a plan is complete, but not proven the cheapest: the model does not count an item twice yet', async () => {
    const result = await plan(catalog, { learner: { id: 's' }, asOf: '2026-05-01', awards: [] }, { target: 'ba' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.best?.audit.status).toBe('complete');
    expect(result.value.best?.proven).toBe(false);
  });
});
