import type { Programme } from '$lib/server/cofinancing/catalogue';

/** A programme form as posted (plain fields, ticked boxes as lists), in the shape the service validates. */
export function programmeFields(form: FormData): Record<string, unknown> {
  const text = (key: string) => String(form.get(key) ?? '');
  return {
    name: text('name'),
    funder: text('funder'),
    kind: text('kind'),
    maxRatePercent: text('maxRatePercent'),
    countries: text('countries')
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((c) => c.toUpperCase()),
    themes: form.getAll('themes').map(String),
    applicantTypes: form.getAll('applicantTypes').map(String),
    waterBasin: text('waterBasin'),
    opensOn: text('opensOn'),
    closesOn: text('closesOn'),
    datesToConfirm: form.get('datesToConfirm') === 'on',
    officialUrl: text('officialUrl'),
    source: text('source'),
    description: text('description'),
  };
}

/** What the form shows: a saved programme, or what was just posted when it was refused. */
export type ProgrammeFormValues = Record<string, unknown>;
export const formValuesOf = (p: Programme): ProgrammeFormValues => ({
  ...p,
  countries: p.countries.join(', '),
  maxRatePercent: p.maxRatePercent ?? '',
});
