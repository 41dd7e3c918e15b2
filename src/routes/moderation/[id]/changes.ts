import { m } from '$lib/i18n';
import type { Locale } from '$lib/reference';
import type { FullListing } from '$lib/server/listings/projection';

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

const LABELS: Record<string, () => string> = {
  title: m.my_field_title,
  summary: m.my_field_summary,
  themes: m.my_field_themes,
  originalLanguage: m.my_field_language,
  context: m.my_field_context,
  difficulties: m.my_field_difficulties,
  objectives: m.my_field_objectives,
  expectedFromFrance: m.my_field_expected,
  forms: m.my_field_forms,
  contributionTypes: m.my_field_contributions,
  durationMonths: m.my_field_duration,
  budgetEur: m.my_field_budget,
  localContributionEur: m.my_field_local_contribution,
  exchangeLanguages: m.my_field_exchange_languages,
  desiredPartner: m.listing_desired_partner,
  electedOfficial: m.my_contact_elected,
  technicalContact: m.my_contact_technical,
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '—';
  if (typeof value === 'object') {
    return (
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => `${k}: ${show(v)}`)
        .join(' · ') || '—'
    );
  }
  return String(value);
}

function change(field: string, before: unknown, after: unknown, _locale: Locale): FieldChange | null {
  if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return null;
  return { field, label: LABELS[field]?.() ?? field, before: show(before), after: show(after) };
}

/** A revision of a published request against what the public sees now. */
export function revisionChanges(listing: FullListing, locale: Locale): FieldChange[] {
  const revision = (listing.revision ?? {}) as Record<string, unknown>;
  const current = listing as unknown as Record<string, unknown>;
  return Object.keys(revision)
    .map((field) => change(field, current[field], revision[field], locale))
    .filter((c): c is FieldChange => c !== null);
}

interface EventLike {
  action: string;
  changes: Record<string, { from: unknown; to: unknown }> | null;
}

/** A request sent back for changes and submitted again: the edits made since the moderator asked. */
export function changesSinceLastRequest(events: EventLike[], locale: Locale): FieldChange[] | null {
  const lastRequest = events.findLastIndex((e) => e.action === 'request_changes');
  if (lastRequest < 0) return null;
  const merged = new Map<string, { from: unknown; to: unknown }>();
  for (const e of events.slice(lastRequest + 1)) {
    for (const [field, c] of Object.entries(e.changes ?? {})) {
      const prior = merged.get(field);
      merged.set(field, { from: prior ? prior.from : c.from, to: c.to });
    }
  }
  return [...merged]
    .map(([field, c]) => change(field, c.from, c.to, locale))
    .filter((c): c is FieldChange => c !== null);
}
