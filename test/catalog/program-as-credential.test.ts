import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';

const institution = { id: 'x', name: 'X' };
const course = (id: string) => ({ id, kind: 'course', title: id });
const certificate = { id: 'cert-x', kind: 'certificate', title: 'Certificate X', requirements: { credential: 'c1' } };

describe('an id used by a credential and a program', () => {
  it('says that a program is already a credential, at the credential to remove', () => {
    const result = loadCatalog([
      { file: 'credentials.json', json: { institution, credentials: [course('c1'), course('cert-x')] } },
      { file: 'programs.json', json: { programs: [certificate] } },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([
        {
          code: 'duplicate-id',
          file: 'credentials.json',
          path: ['credentials', 1, 'id'],
          expected:
            'no credential with the id of a program ("cert-x" is the program at programs.json $.programs[0]): a program is itself a credential, so it is not listed again under credentials',
          received: '"cert-x"',
        },
      ]);
  });

  it('a repeat within credentials still says where the id was first defined', () => {
    const result = loadCatalog([{ file: 'c.json', json: { institution, credentials: [course('c1'), course('c1')] } }]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([
        expect.objectContaining({
          code: 'duplicate-id',
          path: ['credentials', 1, 'id'],
          expected: 'a unique id ("c1" is already defined at c.json $.credentials[0])',
        }),
      ]);
  });
});
