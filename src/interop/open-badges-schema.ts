import * as z from 'zod';

/** A JSON-LD `type`: one string or several. */
export const LdType = z.union([z.string(), z.array(z.string())]).transform((t) => (Array.isArray(t) ? t : [t]));

/** A VC date-time (or a plain date): only its calendar date is kept. */
export const VcDate = z.union([z.iso.datetime({ offset: true, local: true }), z.iso.date()], {
  error: 'a date or date-time (ISO 8601)',
});

export const Profile = z.union([
  z.string().min(1),
  z.looseObject({ id: z.string().min(1), name: z.string().optional() }),
]);

/** A number of credits: a JSON number, or a decimal written as a string (ELM's `point`, some ECTS extensions). */
export const CreditNumber = z.union(
  [
    z.number().nonnegative().finite(),
    z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .transform(Number),
  ],
  { error: 'a number of credits of zero or more' },
);

/** An OB3 ResultDescription: what a result means, and for a numeric one its pass mark and range. */
const ResultDescription = z.looseObject({
  id: z.string(),
  resultType: z.string().optional(),
  name: z.string().optional(),
  requiredValue: z.string().optional(),
  valueMin: z.string().optional(),
  valueMax: z.string().optional(),
});
export type ResultDescription = z.infer<typeof ResultDescription>;

/** An Open Badges 3.0 Achievement: what the badge is for (only the fields credstack reads). */
export const Achievement = z.looseObject({
  id: z.string().min(1),
  type: LdType.optional(),
  name: z.string().min(1),
  achievementType: z.string().optional(),
  creditsAvailable: z.number().nonnegative().optional(),
  /** The ECTS extension (educredentials and others): the achievement's size in ECTS. */
  ECTS: CreditNumber.optional(),
  ects: CreditNumber.optional(),
  humanCode: z.string().optional(),
  tag: z.array(z.string()).optional(),
  alignment: z
    .array(
      z.looseObject({
        targetUrl: z.string().optional(),
        targetCode: z.string().optional(),
        targetName: z.string().optional(),
        targetType: z.string().optional(),
        targetFramework: z.string().optional(),
      }),
    )
    .optional(),
  resultDescription: z.array(ResultDescription).optional(),
});
export type Achievement = z.infer<typeof Achievement>;

/** The subject of an achievement credential: the learner, what they achieved and how well. */
const AchievementSubject = z.looseObject({
  id: z.string().optional(),
  achievement: Achievement,
  creditsEarned: z.number().nonnegative().optional(),
  activityEndDate: VcDate.optional(),
  result: z.array(z.looseObject({ resultDescription: z.string().optional(), value: z.string().optional() })).optional(),
});

export const hasType = (wanted: string[]) => (types: string[]) => types.some((t) => wanted.includes(t));

/** An Open Badges 3.0 `OpenBadgeCredential` (alias `AchievementCredential`). */
export const AchievementCredential = z.looseObject({
  id: z.string().min(1),
  type: LdType.refine(hasType(['OpenBadgeCredential', 'AchievementCredential']), {
    message: 'a type including "OpenBadgeCredential" or "AchievementCredential"',
  }),
  issuer: Profile,
  validFrom: VcDate.optional(),
  issuanceDate: VcDate.optional(),
  awardedDate: VcDate.optional(),
  validUntil: VcDate.optional(),
  expirationDate: VcDate.optional(),
  credentialSubject: AchievementSubject,
});
export type AchievementCredential = z.infer<typeof AchievementCredential>;

/** A CLR 2.0 association between two achievements (`isPartOf`, `isChildOf`, ...). */
const Association = z.looseObject({ associationType: z.string(), sourceId: z.string(), targetId: z.string() });

/** A CLR 2.0 `ClrCredential`: a learner's record, holding achievement credentials. */
export const ClrCredential = z.looseObject({
  id: z.string().optional(),
  type: LdType.refine(hasType(['ClrCredential']), { message: 'a type including "ClrCredential"' }),
  issuer: Profile,
  credentialSubject: z.looseObject({
    id: z.string().optional(),
    verifiableCredential: z.array(AchievementCredential),
    association: z.array(Association).optional(),
  }),
});
export type ClrCredential = z.infer<typeof ClrCredential>;

/** The issuer's id, whether the issuer is given as a URL or as a profile. */
export const issuerId = (issuer: AchievementCredential['issuer']): string =>
  typeof issuer === 'string' ? issuer : issuer.id;
