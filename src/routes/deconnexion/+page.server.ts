import { redirect } from '@sveltejs/kit';
import { href } from '$lib/i18n';
import { invalidateSession, SESSION_COOKIE } from '$lib/server/auth/session';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (!locals.actor) redirect(303, href('/'));
  return {};
};

/** Signing out is a POST (a link or an image could otherwise sign people out from another site). */
export const actions: Actions = {
  default: async ({ locals, cookies }) => {
    if (locals.actor?.sessionId) await invalidateSession(getServices().db, locals.actor.sessionId, locals.actor.userId);
    cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, href('/'));
  },
};
