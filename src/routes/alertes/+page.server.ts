import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { m } from '$lib/i18n';
import { requireSignedIn } from '$lib/page-guards';
import { createSavedSearch, deleteSavedSearch, listSavedSearches, updateSavedSearch } from '$lib/server/alerts/saved-searches';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

/** The search to save arrives as this page's own query string (the search page links here with its URL). */
const searchParamsOf = (query: string) => {
  const params = new URLSearchParams(query);
  return Object.fromEntries([...new Set(params.keys())].filter((k) => k !== 'page').map((k) => [k, params.getAll(k)]));
};

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireSignedIn(locals.actor, url);
  return {
    savedSearches: await listSavedSearches(getServices().db, actor).catch(pageError),
    pendingQuery: url.searchParams.toString(),
  };
};

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const form = await request.formData();
    const values = { name: String(form.get('name') ?? ''), frequency: String(form.get('frequency') ?? 'weekly'), query: String(form.get('query') ?? '') };
    try {
      await createSavedSearch(getServices().db, locals.actor, { ...values, query: searchParamsOf(values.query) });
      return { notice: m.partnership_alert_saved() };
    } catch (error) {
      return formFailure(error, values);
    }
  },
  toggle: async ({ locals, request }) => {
    const form = await request.formData();
    try {
      await updateSavedSearch(getServices().db, locals.actor, String(form.get('id')), { active: form.get('active') === 'true' });
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
