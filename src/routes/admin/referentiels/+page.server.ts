import {
  type Label,
  CONTRIBUTION_TYPES,
  COOPERATION_FORMS,
  FOREIGN_AUTHORITY_TYPES,
  FRENCH_AUTHORITY_TYPES,
  LANGUAGES,
  POPULATION_BRACKETS,
  THEMES,
} from '$lib/reference';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  const rows = (list: ReadonlyArray<{ code: string; name: Label }>) =>
    list.map((x) => ({ code: x.code, name: x.name[locals.locale] }));
  return {
    themes: THEMES.map((t) => ({ code: t.code, name: t.name[locals.locale], dac: t.dac.join(', ') })),
    tables: [
      { key: 'forms', rows: rows(COOPERATION_FORMS) },
      { key: 'contributions', rows: rows(CONTRIBUTION_TYPES) },
      { key: 'foreignTypes', rows: rows(FOREIGN_AUTHORITY_TYPES) },
      { key: 'frenchTypes', rows: rows(FRENCH_AUTHORITY_TYPES) },
      { key: 'sizes', rows: rows(POPULATION_BRACKETS) },
      { key: 'languages', rows: rows(LANGUAGES) },
    ],
  };
};
