import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { findCountry, findTheme, LOCALES, populationBracket, type Locale } from '../../reference/index.js';
import { loadCatalogue, todayInFrance } from '../cofinancing/catalogue.js';
import type { CatalogueEntry } from '../cofinancing/fit.js';
import { cofinancingFacetOf } from '../cofinancing/search-facet.js';
import type { Database } from '../db/index.js';
import { authorities, listings, type ListingText } from '../db/schema/index.js';
import { isSearchable, SEARCHABLE_STATUSES } from '../listings/visibility.js';
import { arabicWords } from './arabic.js';
import { stripPrivateUse } from './highlight.js';

/**
 * What the index holds for one published request. Built only from public fields: contacts (elected official,
 * technical contact, emails) never leave Postgres.
 */
export interface ListingDocument {
  id: string;
  title: string;
  summary: string;
  context: string | null;
  difficulties: string | null;
  objectives: string | null;
  expectedFromFrance: string | null;
  /** Every translated text, flattened: searchable, not displayed as such. */
  translations: string[];
  /** The request's Arabic words (texts, translations, theme and country names), folded as queries are (./arabic.ts). */
  arabicText: string;
  translationLanguages: string[];
  /** Title and summary in each language the authority translated them into: shown to readers of that language. */
  translatedHeadlines: TranslatedHeadlines;
  themes: string[];
  themeLabels: Record<Locale, string[]>;
  forms: string[];
  country: string;
  countryNames: string[];
  continent: string | null;
  authorityName: string;
  authorityType: string;
  region: string | null;
  population: number | null;
  populationBracket: string | null;
  originalLanguage: string;
  /** Original language plus the languages accepted for the exchange. */
  languages: string[];
  /** Seconds since the epoch: Meilisearch sorts numbers, not dates. */
  publishedAt: number | null;
  /**
   * Slugs of the co-financing programmes the request fits on its own ("co-financeable by …"), evaluated against the
   * catalogue when the document is built: catalogue changes and closing days re-sync the requests concerned.
   */
  cofinancing: string[];
}

const columns = {
  id: listings.id,
  status: listings.status,
  title: listings.title,
  summary: listings.summary,
  context: listings.context,
  difficulties: listings.difficulties,
  objectives: listings.objectives,
  expectedFromFrance: listings.expectedFromFrance,
  translations: listings.translations,
  themes: listings.themes,
  forms: listings.forms,
  country: listings.country,
  originalLanguage: listings.originalLanguage,
  exchangeLanguages: listings.exchangeLanguages,
  publishedAt: listings.publishedAt,
  authorityName: authorities.name,
  authorityType: authorities.type,
  region: authorities.region,
  population: authorities.population,
};
const selectRows = (db: Database) =>
  db.select(columns).from(listings).innerJoin(authorities, eq(authorities.id, listings.authorityId));
type Row = Awaited<ReturnType<typeof selectRows>>[number];

export type TranslatedHeadlines = Record<string, { title: string; summary: string }>;

/** The translated titles and summaries of a request (languages without a translated title are left out). */
export function translatedHeadlines(
  translations: Record<string, Partial<ListingText>> | null | undefined,
): TranslatedHeadlines {
  const headlines: TranslatedHeadlines = {};
  for (const [language, text] of Object.entries(translations ?? {})) {
    if (typeof text?.title === 'string' && text.title.trim() !== '')
      headlines[language] = { title: clean(text.title), summary: clean(text.summary ?? '') };
  }
  return headlines;
}

/** Our highlight markers must never come from the text itself, or escaping could be bypassed. */
const clean = <T extends string | null>(text: T): T => stripPrivateUse(text);

/** `catalogue` and `today` decide the co-financing facet (see cofinancing/search-facet.ts). */
export function toDocument(row: Row, catalogue: readonly CatalogueEntry[], today: string): ListingDocument {
  const themes = row.themes.map((code) => findTheme(code)).filter((t) => t !== undefined);
  const country = findCountry(row.country);
  const translations = Object.entries((row.translations ?? {}) as Record<string, Partial<ListingText>>);
  const translatedTexts = translations.flatMap(([, text]) =>
    Object.values(text ?? {})
      .filter((v): v is string => typeof v === 'string' && v.length > 0)
      .map(clean),
  );
  const themeLabels = Object.fromEntries(LOCALES.map((l) => [l, themes.map((t) => t.name[l])])) as Record<
    Locale,
    string[]
  >;
  return {
    id: row.id,
    title: clean(row.title),
    summary: clean(row.summary),
    context: clean(row.context),
    difficulties: clean(row.difficulties),
    objectives: clean(row.objectives),
    expectedFromFrance: clean(row.expectedFromFrance),
    translations: translatedTexts,
    arabicText: arabicWords([
      row.title,
      row.summary,
      row.context,
      row.difficulties,
      row.objectives,
      row.expectedFromFrance,
      ...translatedTexts,
      ...themeLabels.ar,
      country?.name.ar,
    ]),
    translationLanguages: translations.map(([language]) => language),
    translatedHeadlines: translatedHeadlines(row.translations as Record<string, Partial<ListingText>>),
    themes: row.themes,
    themeLabels,
    forms: row.forms,
    country: row.country,
    countryNames: country ? [...new Set(LOCALES.map((l) => country.name[l]))] : [],
    continent: country?.continent ?? null,
    authorityName: clean(row.authorityName),
    authorityType: row.authorityType,
    region: clean(row.region),
    population: row.population,
    populationBracket: populationBracket(row.population),
    originalLanguage: row.originalLanguage,
    languages: [...new Set([row.originalLanguage, ...row.exchangeLanguages])],
    publishedAt: row.publishedAt ? Math.floor(row.publishedAt.getTime() / 1000) : null,
    cofinancing: cofinancingFacetOf(catalogue, { country: row.country, themes: row.themes }, today),
  };
}

/**
 * The state the index must reach for these listings, read from Postgres (never from whoever asked): documents to
 * upsert for searchable ones, ids to delete for the rest (unpublished, deleted, or unknown).
 */
export async function loadSearchState(
  db: Database,
  ids: string[],
): Promise<{ upserts: ListingDocument[]; deletes: string[] }> {
  const rows = ids.length ? await selectRows(db).where(inArray(listings.id, ids)) : [];
  const searchable = rows.filter((r) => isSearchable(r.status));
  const catalogue = searchable.length ? await loadCatalogue(db) : [];
  const today = todayInFrance();
  const upserts = searchable.map((row) => toDocument(row, catalogue, today));
  const kept = new Set(upserts.map((d) => d.id));
  return { upserts, deletes: ids.filter((id) => !kept.has(id)) };
}

/** Searchable listings in id order, one page after `afterId`: the reindex walks the table with it. */
export async function loadSearchablePage(
  db: Database,
  afterId: string | null,
  limit: number,
): Promise<ListingDocument[]> {
  const rows = await selectRows(db)
    .where(and(inArray(listings.status, [...SEARCHABLE_STATUSES]), afterId ? gt(listings.id, afterId) : undefined))
    .orderBy(asc(listings.id))
    .limit(limit);
  const catalogue = rows.length ? await loadCatalogue(db) : [];
  const today = todayInFrance();
  return rows.map((row) => toDocument(row, catalogue, today));
}
