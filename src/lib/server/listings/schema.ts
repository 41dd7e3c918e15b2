import { Type, type Static, type TSchema } from 'typebox';
import {
  CONTRIBUTION_CODES,
  FORM_CODES,
  FRENCH_TYPE_CODES,
  LANGUAGE_CODES,
  THEME_CODES,
} from '../../reference/index.js';

// THE description of what an author writes in a cooperation request. The domain validates with it
// (validation.ts: these rules, then trimming and defaults), the API's routes declare it as their body, and the
// TypeScript types are read from it; a rule changed here changes all three.

/** Limits of a cooperation request. */
export const LISTING_LIMITS = {
  titleMin: 5,
  titleMax: 200,
  summaryMax: 1000,
  textMax: 10_000,
  themesMin: 1,
  themesMax: 3,
  shortTextMax: 200,
  commentMax: 2000,
  attachmentsMax: 10,
} as const;
const L = LISTING_LIMITS;

export const ATTACHMENT_KINDS = ['monograph', 'council_decision', 'letter_of_intent', 'other'] as const;

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Count = Type.Integer({ minimum: 0, maximum: 2_147_483_647 });
const LongText = Type.String({ maxLength: L.textMax });
/** The domain's email rule (the same on pages and on the API). */
const EMAIL = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';

export const LanguageCode = Type.Enum([...LANGUAGE_CODES]);
export const ThemeCode = Type.Enum([...THEME_CODES]);

export const Contact = Type.Object(
  {
    // The address first: it is the field a refusal names first when several are wrong.
    email: Type.String({ minLength: 3, maxLength: 254, pattern: EMAIL, description: 'An email address' }),
    title: Type.Optional(Type.String({ maxLength: L.shortTextMax })),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
    name: Type.String({ minLength: 1, maxLength: L.shortTextMax }),
  },
  { additionalProperties: false, description: 'Personal data: shown only to the authority and its moderators' },
);

export const DesiredPartner = Type.Object(
  {
    types: Type.Optional(Type.Array(Type.Enum([...FRENCH_TYPE_CODES]))),
    populationMin: Type.Optional(Nullable(Count)),
    populationMax: Type.Optional(Nullable(Count)),
    frenchRegions: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
    expertise: Type.Optional(Nullable(Type.String({ maxLength: L.summaryMax }))),
  },
  { additionalProperties: false },
);

/** The translatable text of a request. */
export const ListingText = Type.Object(
  {
    title: Type.String({ minLength: L.titleMin, maxLength: L.titleMax }),
    summary: Type.String({ maxLength: L.summaryMax }),
    context: Type.Optional(Nullable(LongText)),
    difficulties: Type.Optional(Nullable(LongText)),
    objectives: Type.Optional(Nullable(LongText)),
    expectedFromFrance: Type.Optional(Nullable(LongText)),
  },
  { additionalProperties: false },
);

export const Attachment = Type.Object(
  {
    id: Type.Optional(Type.String({ maxLength: 64, description: 'Given by the server when absent' })),
    kind: Type.Enum([...ATTACHMENT_KINDS]),
    fileName: Type.String({ minLength: 1, maxLength: 255 }),
    mimeType: Type.String({ minLength: 3, maxLength: 100 }),
    sizeBytes: Count,
  },
  { additionalProperties: false },
);

/** Every field an author writes; which are required depends on the step (REQUIRED_AT_CREATION). */
export const contentProperties = {
  originalLanguage: LanguageCode,
  title: Type.String({ minLength: L.titleMin, maxLength: L.titleMax }),
  summary: Type.String({ maxLength: L.summaryMax }),
  context: Nullable(LongText),
  difficulties: Nullable(LongText),
  objectives: Nullable(LongText),
  expectedFromFrance: Nullable(LongText),
  contributionTypes: Type.Array(Type.Enum([...CONTRIBUTION_CODES])),
  desiredPartner: DesiredPartner,
  forms: Type.Array(Type.Enum([...FORM_CODES])),
  themes: Type.Array(ThemeCode, { minItems: L.themesMin, maxItems: L.themesMax }),
  durationMonths: Nullable(Count),
  budgetEur: Nullable(Count),
  localContributionEur: Nullable(Count),
  exchangeLanguages: Type.Array(LanguageCode),
  electedOfficial: Nullable(Contact),
  technicalContact: Nullable(Contact),
  translations: Type.Record(Type.String({ pattern: `^(?:${LANGUAGE_CODES.join('|')})$` }), ListingText, {
    additionalProperties: false,
    description: 'Translations keyed by language code',
  }),
  attachments: Type.Array(Attachment, { maxItems: L.attachmentsMax }),
};

export const ListingContentSchema = Type.Object(contentProperties, { additionalProperties: false });

/** An attachment as it is kept: the server gives it an id when the author did not. */
export type StoredAttachment = Static<typeof Attachment> & { id: string };

/** What an author writes: every editable field of a request, as the domain keeps it once validated. */
export type ListingContent = Omit<Static<typeof ListingContentSchema>, 'attachments'> & {
  attachments: StoredAttachment[];
};
