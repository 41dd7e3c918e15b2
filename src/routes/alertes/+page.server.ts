import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { redirect } from '@sveltejs/kit';
import { getLocale, href, m } from '$lib/i18n';
import { searchInWords } from '$lib/server/views/search-view';
import { requireSignedIn } from '$lib/page-guards';
import {
  createSavedSearch,
  deleteSavedSearch,
  listSavedSearches,
  updateSavedSearch,
} from '$lib/server/alerts/saved-searches';
import { getServices } from '$lib/server/runtime/services';
import { listProgrammes } from '$lib/server/cofinancing/catalogue';
import type { Actions, PageServerLoad } from './$types';

/** The search to save arrives as this page's own query string (the search page links here with its URL). */
const searchParamsOf = (query: string) => {
  const params = new URLSearchParams(query);
  return Object.fromEntries([...new Set(params.keys())].filter((k) => k !== 'page').map((k) => [k, params.getAll(k)]));
};

/** The facet names as the search page shows them, to say a saved search in words. */
const criteriaLabels = () => ({
  q: m.search_query_label(),
  country: m.search_facet_country(),
  continent: m.search_facet_continent(),
  theme: m.search_facet_theme(),
  form: m.search_facet_form(),
  authorityType: m.search_facet_authority_type(),
  population: m.search_facet_size(),
  language: m.search_facet_language(),
  cofinancing: m.search_facet_cofinancing(),
});

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireSignedIn(locals.actor, url);
  const locale = getLocale();
  const pending = new URLSearchParams(url.searchParams);
  pending.delete('enregistree');
  const savedSearches = await listSavedSearches(getServices().db, actor).catch(pageError);
  const programmes = await listProgrammes(getServices().db, { includeClosed: true });
  return {
    savedSearches: savedSearches.map((s) => ({
      ...s,
      criteria: searchInWords(s.query, locale, criteriaLabels(), programmes),
    })),
    pendingQuery: pending.toString(),
    pendingCriteria: searchInWords(pending.toString(), locale, criteriaLabels(), programmes),
    saved: url.searchParams.has('enregistree'),
  };
};

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const form = await request.formData();
    const values = {
      name: String(form.get('name') ?? ''),
      frequency: String(form.get('frequency') ?? 'weekly'),
      query: String(form.get('query') ?? ''),
    };
    try {
      await createSavedSearch(getServices().db, locals.actor, { ...values, query: searchParamsOf(values.query) });
    } catch (error) {
      return formFailure(error, values);
    }
    // Post/redirect/get: a reload does not save the alert twice.
    redirect(303, href('/alertes?enregistree=1'));
  },
  toggle: async ({ locals, request }) => {
    const form = await request.formData();
    try {
      await updateSavedSearch(getServices().db, locals.actor, String(form.get('id')), {
        active: form.get('active') === 'true',
      });
    } catch (error) {
      return formFailure(error);
    }
  },
  delete: async ({ locals, request }) => {
    try {
      await deleteSavedSearch(getServices().db, locals.actor, String((await request.formData()).get('id')));
    } catch (error) {
      return formFailure(error);
    }
  },
};
