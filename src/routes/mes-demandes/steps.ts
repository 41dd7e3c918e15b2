import { parseWholeNumber } from '$lib/forms/whole-number';
import { m, type Locale } from '$lib/i18n';

/** The request form, one step per page so each save is small (slow connections) and a draft is never lost. */
export const STEPS = [
  { n: 1, title: () => m.my_step_essentials() },
  { n: 2, title: () => m.my_step_description() },
  { n: 3, title: () => m.my_step_cooperation() },
  { n: 4, title: () => m.my_step_contacts() },
  { n: 5, title: () => m.my_step_preview() },
] as const;
export const LAST_EDIT_STEP = 4;

/** The fields that say a step is done (the rest are optional); what a returning author sees and resumes from. */
interface DraftContent {
  originalLanguage?: unknown;
  title?: unknown;
  summary?: unknown;
  themes?: unknown;
  context?: unknown;
  objectives?: unknown;
  expectedFromFrance?: unknown;
  forms?: unknown;
  exchangeLanguages?: unknown;
  technicalContact?: unknown;
}
const filled = (v: unknown) => (typeof v === 'string' ? v.trim() !== '' : v !== null && v !== undefined);
const some = (v: unknown) => Array.isArray(v) && v.length > 0;

/** For each editing step (1 to LAST_EDIT_STEP), whether the draft already answers it. */
export function stepCompletion(c: DraftContent): boolean[] {
  const contact = c.technicalContact as { name?: unknown; email?: unknown } | null | undefined;
  return [
    filled(c.originalLanguage) && filled(c.title) && filled(c.summary) && some(c.themes),
    filled(c.context) && filled(c.objectives) && filled(c.expectedFromFrance),
    some(c.forms) && some(c.exchangeLanguages),
    !!contact && filled(contact.name) && filled(contact.email),
  ];
}

/** Where "Modifier" takes a returning author: the first step still to complete, or the preview once all are. */
export function resumeStep(c: DraftContent): number {
  const first = stepCompletion(c).indexOf(false);
  return first === -1 ? LAST_EDIT_STEP + 1 : first + 1;
}

export function stepNumber(raw: string | null | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= STEPS.length ? n : 1;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const optionalText = (form: FormData, name: string) => text(form, name) || null;
/** A number field, read as written in the reader's language ("120 000 €", "120.000"); what is not one goes to the domain as typed, which says what is wrong with it. */
const optionalNumber = (form: FormData, name: string, locale: Locale) => parseWholeNumber(text(form, name), locale);
const list = (form: FormData, name: string) => form.getAll(name).map(String);

function contact(form: FormData, prefix: string, withPhone: boolean) {
  const c = {
    name: text(form, `${prefix}.name`),
    title: text(form, `${prefix}.title`),
    email: text(form, `${prefix}.email`),
    ...(withPhone ? { phone: text(form, `${prefix}.phone`) } : {}),
  };
  if (Object.values(c).every((v) => v === '')) return null;
  return Object.fromEntries(Object.entries(c).filter(([k, v]) => v !== '' || k === 'name' || k === 'email'));
}

/** The interface languages an author may translate the request into, on step 2 (every language the site speaks). */
export const TRANSLATABLE = ['fr', 'en', 'es', 'pt', 'ar', 'uk'] as const;
/** The texts an author may translate: the headline and the description. */
export const TRANSLATED_FIELDS = [
  'title',
  'summary',
  'context',
  'difficulties',
  'objectives',
  'expectedFromFrance',
] as const;
type TranslatedText = Record<(typeof TRANSLATED_FIELDS)[number], string | null>;

/** The texts the author translated, by language; a language left entirely blank is no translation. */
function typedTranslations(form: FormData): Record<string, TranslatedText> {
  const out: Record<string, TranslatedText> = {};
  for (const lang of TRANSLATABLE) {
    const t = Object.fromEntries(
      TRANSLATED_FIELDS.map((f) => [f, text(form, `translations.${lang}.${f}`) || null]),
    ) as TranslatedText;
    if (Object.values(t).some((v) => v !== null)) out[lang] = { ...t, title: t.title ?? '', summary: t.summary ?? '' };
  }
  return out;
}

/**
 * Step 2's translations over what the request already has: what the author typed replaces that language's
 * translation (a field emptied goes), a language the author emptied goes, translations into other languages (sent
 * through the API) are kept, the original language is never a translation.
 */
export function mergeTranslations(
  existing: Record<string, Record<string, unknown>> | null | undefined,
  typed: Record<string, Partial<TranslatedText>>,
  originalLanguage: string,
): Record<string, Record<string, unknown>> {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const [lang, t] of Object.entries(existing ?? {}))
    if (!(TRANSLATABLE as readonly string[]).includes(lang)) merged[lang] = t;
  for (const [lang, t] of Object.entries(typed))
    if (lang !== originalLanguage) merged[lang] = { ...(existing?.[lang] ?? {}), ...t };
  return merged;
}

/** The fields of one step, read from its form, shaped as the listings service takes them. */
export function readStep(step: number, form: FormData, locale: Locale): Record<string, unknown> {
  switch (step) {
    case 1:
      return {
        originalLanguage: text(form, 'originalLanguage'),
        title: text(form, 'title'),
        summary: text(form, 'summary'),
        themes: list(form, 'themes'),
      };
    case 2:
      return {
        context: optionalText(form, 'context'),
        difficulties: optionalText(form, 'difficulties'),
        objectives: optionalText(form, 'objectives'),
        expectedFromFrance: optionalText(form, 'expectedFromFrance'),
        // The step-2 form always shows some translation fields (all but the original language's).
        ...(TRANSLATABLE.some((lang) => form.has(`translations.${lang}.title`))
          ? { translations: typedTranslations(form) }
          : {}),
      };
    case 3:
      return {
        forms: list(form, 'forms'),
        contributionTypes: list(form, 'contributionTypes'),
        durationMonths: optionalNumber(form, 'durationMonths', locale),
        budgetEur: optionalNumber(form, 'budgetEur', locale),
        localContributionEur: optionalNumber(form, 'localContributionEur', locale),
        exchangeLanguages: list(form, 'exchangeLanguages'),
        desiredPartner: {
          types: list(form, 'desiredPartner.types'),
          populationMin: optionalNumber(form, 'desiredPartner.populationMin', locale),
          populationMax: optionalNumber(form, 'desiredPartner.populationMax', locale),
          expertise: optionalText(form, 'desiredPartner.expertise'),
        },
      };
    case 4:
      return {
        electedOfficial: contact(form, 'electedOfficial', false),
        technicalContact: contact(form, 'technicalContact', true),
      };
    default:
      return {};
  }
}

/** The labels of the form's fields, for the error summary's links. */
const FIELD_LABELS: Record<string, () => string> = {
  originalLanguage: () => m.my_field_language(),
  title: () => m.my_field_title(),
  summary: () => m.my_field_summary(),
  themes: () => m.my_field_themes(),
  context: () => m.my_field_context(),
  difficulties: () => m.my_field_difficulties(),
  objectives: () => m.my_field_objectives(),
  expectedFromFrance: () => m.my_field_expected(),
  forms: () => m.my_field_forms(),
  contributionTypes: () => m.my_field_contributions(),
  durationMonths: () => m.my_field_duration(),
  budgetEur: () => m.my_field_budget(),
  localContributionEur: () => m.my_field_local_contribution(),
  exchangeLanguages: () => m.my_field_exchange_languages(),
  'desiredPartner.types': () => m.my_field_partner_types(),
  'desiredPartner.populationMin': () => m.my_field_partner_min(),
  'desiredPartner.populationMax': () => m.my_field_partner_max(),
  'desiredPartner.expertise': () => m.my_field_partner_expertise(),
};

/** Every refused field as a link to it, labelled, for the error summary. */
export function errorLinks(fieldErrors: Record<string, string> | undefined): Array<{ href: string; text: string }> {
  return Object.entries(fieldErrors ?? {}).map(([field, message]) => {
    const label = FIELD_LABELS[field]?.();
    return { href: `#${field.replaceAll('.', '-')}`, text: label ? m.form_error_link({ label, message }) : message };
  });
}
