import type { Attachment, Contact, DesiredPartner, ListingText } from '../db/schema/index.js';

/** Limits of a cooperation request, shared by the domain validation and the API schemas. */
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

export const ATTACHMENT_KINDS = ['monograph', 'council_decision', 'letter_of_intent', 'other'] as const;

/** What an author writes: every editable field of a request. */
export interface ListingContent {
  originalLanguage: string;
  title: string;
  summary: string;
  context: string | null;
  difficulties: string | null;
  objectives: string | null;
  expectedFromFrance: string | null;
  contributionTypes: string[];
  desiredPartner: DesiredPartner;
  forms: string[];
  themes: string[];
  durationMonths: number | null;
  budgetEur: number | null;
  localContributionEur: number | null;
  exchangeLanguages: string[];
  electedOfficial: Contact | null;
  technicalContact: Contact | null;
  translations: Record<string, ListingText>;
  attachments: Attachment[];
}

export type ListingField = keyof ListingContent;

export const LISTING_FIELDS: readonly ListingField[] = [
  'originalLanguage',
  'title',
  'summary',
  'context',
  'difficulties',
  'objectives',
  'expectedFromFrance',
  'contributionTypes',
  'desiredPartner',
  'forms',
  'themes',
  'durationMonths',
  'budgetEur',
  'localContributionEur',
  'exchangeLanguages',
  'electedOfficial',
  'technicalContact',
  'translations',
  'attachments',
];

/** Fields a new request cannot do without; the others may be filled in before submission. */
export const REQUIRED_AT_CREATION: readonly ListingField[] = ['originalLanguage', 'title', 'summary', 'themes'];

/** Personal data: never public, never in the search index. */
export const CONTACT_FIELDS = ['electedOfficial', 'technicalContact'] as const;
