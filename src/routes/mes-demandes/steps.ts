import { m } from '$lib/i18n';

/** The request form, one step per page so each save is small (slow connections) and a draft is never lost. */
export const STEPS = [
  { n: 1, title: () => m.my_step_essentials() },
  { n: 2, title: () => m.my_step_description() },
  { n: 3, title: () => m.my_step_cooperation() },
  { n: 4, title: () => m.my_step_contacts() },
  { n: 5, title: () => m.my_step_preview() },
] as const;
export const LAST_EDIT_STEP = 4;

export function stepNumber(raw: string | null | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= STEPS.length ? n : 1;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const optionalText = (form: FormData, name: string) => text(form, name) || null;
/** A number field: empty is null; anything else goes to the domain as typed, which says what is wrong with it. */
function optionalNumber(form: FormData, name: string): number | string | null {
  const raw = text(form, name).replace(/[\s\u202f\u00a0]/g, '');
  if (raw === '') return null;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}
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

/** The fields of one step, read from its form, shaped as the listings service takes them. */
export function readStep(step: number, form: FormData): Record<string, unknown> {
  switch (step) {
    case 1:
      return { originalLanguage: text(form, 'originalLanguage'), title: text(form, 'title'), summary: text(form, 'summary'), themes: list(form, 'themes') };
    case 2:
      return {
        context: optionalText(form, 'context'),
        difficulties: optionalText(form, 'difficulties'),
        objectives: optionalText(form, 'objectives'),
        expectedFromFrance: optionalText(form, 'expectedFromFrance'),
      };
    case 3:
      return {
        forms: list(form, 'forms'),
        contributionTypes: list(form, 'contributionTypes'),
        durationMonths: optionalNumber(form, 'durationMonths'),
        budgetEur: optionalNumber(form, 'budgetEur'),
        localContributionEur: optionalNumber(form, 'localContributionEur'),
        exchangeLanguages: list(form, 'exchangeLanguages'),
        desiredPartner: {
          types: list(form, 'desiredPartner.types'),
          populationMin: optionalNumber(form, 'desiredPartner.populationMin'),
          populationMax: optionalNumber(form, 'desiredPartner.populationMax'),
          expertise: optionalText(form, 'desiredPartner.expertise'),
        },
      };
    case 4:
      return { electedOfficial: contact(form, 'electedOfficial', false), technicalContact: contact(form, 'technicalContact', true) };
    default:
      return {};
  }
}
