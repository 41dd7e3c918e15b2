import { error, redirect } from '@sveltejs/kit';
import { href, m } from '$lib/i18n';
import { requireSignedIn } from '$lib/page-guards';
import { openNotice } from '$lib/server/notifications/notices';
import { getServices } from '$lib/server/runtime/services';
import type { PageServerLoad } from './$types';

/** Opening a notice marks it read and leads to the page it is about, in the reader's language. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireSignedIn(locals.actor, url);
  const id = /^[1-9][0-9]{0,14}$/.test(params.id) ? Number(params.id) : null;
  const path = id ? await openNotice(getServices().db, actor.userId, id) : null;
  if (!path) error(404, m.notify_page_empty());
  redirect(303, href(path));
};
