import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { m } from '$lib/i18n';
import { requireSignedIn } from '$lib/page-guards';
import { authorities } from '$lib/server/db/schema';
import { setAuthorityThemes } from '$lib/server/recommendations/interests';
import { suggestListings } from '$lib/server/recommendations/recommend';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireSignedIn(locals.actor, url);
  if (actor.role !== 'french_authority' || !actor.authorityId) error(403, m.errors_forbidden());
  const { db } = getServices();
  const [authority] = await db
    .select({ themes: authorities.themes })
    .from(authorities)
    .where(eq(authorities.id, actor.authorityId));
  return { suggestions: await suggestListings(db, actor).catch(pageError), themes: authority?.themes ?? [] };
};

export const actions: Actions = {
  themes: async ({ locals, request }) => {
    const themes = (await request.formData()).getAll('themes').map(String);
    try {
      await setAuthorityThemes(getServices().db, locals.actor, themes);
      return { notice: m.partnership_themes_saved() };
    } catch (e) {
      return formFailure(e);
    }
  },
};
