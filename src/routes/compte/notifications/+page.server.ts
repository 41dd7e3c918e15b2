import { m } from '$lib/i18n';
import { formFailure } from '$lib/i18n/form-error.server';
import { requireSignedIn } from '$lib/page-guards';
import { isOptional, kindsFor } from '$lib/server/notifications/kinds';
import { preferencesOf, setPreferences } from '$lib/server/notifications/preferences';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireSignedIn(locals.actor, url);
  const preferences = await preferencesOf(getServices().db, actor.userId);
  return { kinds: kindsFor(actor.role).map((kind) => ({ kind, optional: isOptional(kind), mode: preferences[kind] })) };
};

export const actions: Actions = {
  default: async ({ locals, url, request }) => {
    const actor = requireSignedIn(locals.actor, url);
    const form = await request.formData();
    const chosen = Object.fromEntries(
      kindsFor(actor.role)
        .filter(isOptional)
        .map((kind) => [kind, String(form.get(kind) ?? 'immediate')]),
    );
    try {
      await setPreferences(getServices().db, actor.userId, chosen);
    } catch (error) {
      return formFailure(error, chosen);
    }
    return { notice: m.notify_prefs_saved() };
  },
};
