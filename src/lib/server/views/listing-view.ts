import {
  CONTRIBUTION_TYPES,
  COOPERATION_FORMS,
  countryName,
  findTheme,
  FOREIGN_AUTHORITY_TYPES,
  FRENCH_AUTHORITY_TYPES,
  LANGUAGES,
  type Locale,
} from '$lib/reference';
import { formatDate } from '$lib/i18n';
import type { Contact, ListingText } from '$lib/server/db/schema/listings';
import type { PublicListing } from '$lib/server/listings/projection';

/** A request as the viewer may see it: the public projection, with the contacts when they may see those too. */
export type ListingLike = PublicListing & { electedOfficial?: Contact | null; technicalContact?: Contact | null };

export interface TextVersion {
  language: string;
  languageName: string;
  text: ListingText;
}

const name = (list: ReadonlyArray<{ code: string; name: Record<Locale, string> }>, code: string, locale: Locale) =>
  list.find((x) => x.code === code)?.name[locale] ?? code;
/** A language's name inside a sentence ("en français", "in French"): French and Spanish write it in lower case. */
export const languageName = (code: string, locale: Locale) => {
  const label = name(LANGUAGES, code, locale);
  return locale === 'en' ? label : label.toLocaleLowerCase(locale);
};

/** The translation a reader of `locale` gets instead of the original: theirs, unless they read the original's language. */
export function translationFor<T>(
  originalLanguage: string,
  translations: Record<string, T> | null | undefined,
  locale: Locale,
): T | undefined {
  return originalLanguage === locale ? undefined : translations?.[locale];
}

/**
 * A request with every code turned into a label of the viewer's locale, and its text in the best language: the
 * translation into the viewer's language when there is one (labelled as such, with the original beside it),
 * otherwise the original. Dates come formatted too: the browser's first Intl.DateTimeFormat costs 50–100 ms of main
 * thread at hydration (issue #18).
 */
export function describeListing(l: ListingLike, locale: Locale) {
  const original: TextVersion = {
    language: l.originalLanguage,
    languageName: languageName(l.originalLanguage, locale),
    text: {
      title: l.title,
      summary: l.summary,
      context: l.context,
      difficulties: l.difficulties,
      objectives: l.objectives,
      expectedFromFrance: l.expectedFromFrance,
    },
  };
  const translations: TextVersion[] = Object.entries(l.translations ?? {})
    .filter(([lang]) => lang !== l.originalLanguage)
    .map(([lang, text]) => ({ language: lang, languageName: languageName(lang, locale), text }));
  const mine = translationFor(l.originalLanguage, Object.fromEntries(translations.map((t) => [t.language, t])), locale);
  return {
    id: l.id,
    status: l.status,
    country: l.country,
    countryName: countryName(l.country, locale),
    primary: mine ?? original,
    /** Set when `primary` is a translation. */
    original: mine ? original : null,
    otherTranslations: translations.filter((t) => t !== mine),
    themes: l.themes.map((t) => findTheme(t)?.name[locale] ?? t),
    themeCodes: l.themes,
    forms: l.forms.map((f) => name(COOPERATION_FORMS, f, locale)),
    contributions: l.contributionTypes.map((c) => name(CONTRIBUTION_TYPES, c, locale)),
    exchangeLanguages: l.exchangeLanguages.map((c) => languageName(c, locale)),
    durationMonths: l.durationMonths,
    budgetEur: l.budgetEur,
    localContributionEur: l.localContributionEur,
    desiredPartner: {
      types: (l.desiredPartner?.types ?? []).map((t) => name(FRENCH_AUTHORITY_TYPES, t, locale)),
      populationMin: l.desiredPartner?.populationMin ?? null,
      populationMax: l.desiredPartner?.populationMax ?? null,
      frenchRegions: l.desiredPartner?.frenchRegions ?? [],
      expertise: l.desiredPartner?.expertise ?? null,
    },
    publishedAt: l.publishedAt,
    publishedOn: l.publishedAt ? formatDate(l.publishedAt, locale) : null,
    lastConfirmedAt: l.lastConfirmedAt,
    lastConfirmedOn: l.lastConfirmedAt ? formatDate(l.lastConfirmedAt, locale) : null,
    updatedAt: l.updatedAt,
    authority: { ...l.authority, typeName: name(FOREIGN_AUTHORITY_TYPES, l.authority.type, locale) },
    contacts:
      l.electedOfficial !== undefined || l.technicalContact !== undefined
        ? { electedOfficial: l.electedOfficial ?? null, technicalContact: l.technicalContact ?? null }
        : null,
  };
}
export type ListingView = ReturnType<typeof describeListing>;
