import type { Actor } from '../auth/actor.js';
import { canSeeFull } from './permissions.js';
import type { AuthorityRow, ListingRow } from './store.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The authority as anyone may see it: no people, no internal fields. */
export function publicAuthority(a: AuthorityRow) {
  return {
    id: a.id,
    name: a.name,
    type: a.type,
    country: a.country,
    region: a.region,
    population: a.population,
    latitude: a.latitude,
    longitude: a.longitude,
    website: a.website,
    languages: a.languages,
    existingPartners: a.existingPartners,
    verified: a.verifiedAt !== null,
  };
}

/**
 * What anonymous visitors and French authorities see: the published content, never the contact data
 * (elected official, technical contact), never a pending revision.
 */
export function publicListing(l: ListingRow, a: AuthorityRow) {
  return {
    id: l.id,
    status: l.status,
    country: l.country,
    originalLanguage: l.originalLanguage,
    title: l.title,
    summary: l.summary,
    context: l.context,
    difficulties: l.difficulties,
    objectives: l.objectives,
    expectedFromFrance: l.expectedFromFrance,
    contributionTypes: l.contributionTypes,
    desiredPartner: l.desiredPartner,
    forms: l.forms,
    themes: l.themes,
    durationMonths: l.durationMonths,
    budgetEur: l.budgetEur,
    localContributionEur: l.localContributionEur,
    exchangeLanguages: l.exchangeLanguages,
    translations: l.translations,
    attachments: l.attachments,
    publishedAt: iso(l.publishedAt),
    lastConfirmedAt: iso(l.lastConfirmedAt),
    expiresAt: iso(l.expiresAt),
    updatedAt: l.updatedAt.toISOString(),
    authority: publicAuthority(a),
  };
}
export type PublicListing = ReturnType<typeof publicListing>;

/** What the author and the moderators of the country see: everything, with the version to send back. */
export function fullListing(l: ListingRow, a: AuthorityRow) {
  return {
    ...publicListing(l, a),
    version: l.version,
    electedOfficial: l.electedOfficial,
    technicalContact: l.technicalContact,
    revision: l.revision,
    revisionStatus: l.revisionStatus,
    createdBy: l.createdBy,
    createdAt: l.createdAt.toISOString(),
    submittedAt: iso(l.submittedAt),
  };
}
export type FullListing = ReturnType<typeof fullListing>;

/** The one place that chooses between the two projections. */
export function listingFor(actor: Actor | null, l: ListingRow, a: AuthorityRow): PublicListing | FullListing {
  return canSeeFull(actor, l) ? fullListing(l, a) : publicListing(l, a);
}
