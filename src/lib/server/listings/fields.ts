import { contentProperties, type ListingContent } from './schema.js';

export { ATTACHMENT_KINDS, LISTING_LIMITS, type ListingContent } from './schema.js';

export type ListingField = keyof ListingContent;

/** Every field an author writes, in the order a form shows them (and the domain reports its refusals). */
export const LISTING_FIELDS = Object.keys(contentProperties) as readonly ListingField[];

/** Fields a new request cannot do without; the others may be filled in before submission. */
export const REQUIRED_AT_CREATION: readonly ListingField[] = ['originalLanguage', 'title', 'summary', 'themes'];

/** Personal data: never public, never in the search index. */
export const CONTACT_FIELDS = ['electedOfficial', 'technicalContact'] as const;
