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
        expected: 'Too small: expected string to have >=1 characters',
        received: '""',
      },
      {
        code: 'invalid-shape',
        path: ['awards', 0, 'status'],
        expected: 'Invalid option: expected one of "completed"|"in-progress"|"planned"',
        received: '"done"',
      },
    ]);
    expect(z.string().safeParse(1).error?.issues[0]?.message).toMatch(/^Entrée invalide/);
  });
});
