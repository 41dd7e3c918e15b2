import { getLocale } from '$lib/i18n';
import { requireSignedIn } from '$lib/page-guards';
import { listNotices, markRead } from '$lib/server/notifications/notices';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireSignedIn(locals.actor, url);
  return { notices: await listNotices(getServices().db, actor.userId, getLocale()) };
};

export const actions: Actions = {
  readAll: async ({ locals, url }) => {
    const actor = requireSignedIn(locals.actor, url);
    return { marked: await markRead(getServices().db, actor.userId, 'all') };
  },
};
