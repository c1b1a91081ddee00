import * as z from 'zod/mini';
import { en, fr } from 'zod/locales';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWith } from '../../src/model/parse.js';
import { Transcript } from '../../src/model/transcript.js';

describe('issues are worded the same whatever zod locale the application sets', () => {
  afterEach(() => {
    z.config(en());
  });

  it('an application that sets French for its own zod schemas still gets credstack issues in English', () => {
    z.config(fr());
    const parsed = parseWith(Transcript, {
      learner: { id: '' },
      awards: [{ id: 'a1', credential: 'X', status: 'done' }],
    });
    expect(parsed.ok ? [] : parsed.issues).toEqual([
      {
        code: 'invalid-shape',
        path: ['learner', 'id'],
        expected: 'a non-empty string',
        received: '""',
      },
      {
        code: 'invalid-shape',
        path: ['awards', 0, 'status'],
        expected: 'one of completed, in-progress, planned',
        received: '"done"',
      },
    ]);
    expect(z.string().safeParse(1).error?.issues[0]?.message).toMatch(/^Entrée invalide/);
  });
});

describe('issues word what was expected in their own words, never zod text', () => {
  const issuesOf = (input: unknown) => {
    const parsed = parseWith(Transcript, input);
    return parsed.ok ? [] : parsed.issues.map((issue) => [issue.path.join('.'), issue.expected]);
  };

  it('bounds and options (a schema message of its own stays)', () => {
    expect(
      issuesOf({
        learner: { id: 'l' },
        awards: [{ id: 'a1', credential: 'X', source: 'elsewhere', credits: { value: -1, unit: '' } }],
        exceptions: [{ type: 'waive', program: 'p', requirement: 'r', reason: 'x', credits: 0 }],
      }),
    ).toEqual([
      ['awards.0.credits.value', 'credits of zero or more'],
      ['awards.0.credits.unit', 'a non-empty string'],
      ['awards.0.source', 'one of institution, transfer, external, prior-learning'],
      ['exceptions.0.credits', 'a number greater than 0'],
    ]);
  });
});
