import { pageError } from '$lib/i18n/form-error.server';
import { requireSignedIn } from '$lib/page-guards';
import { listConversations } from '$lib/server/conversations/conversations';
import { getServices } from '$lib/server/runtime/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireSignedIn(locals.actor, url);
  const conversations = await listConversations(getServices().db, actor).catch(pageError);
  const mySide = actor.role === 'french_authority' ? 'french' : actor.role === 'foreign_authority' ? 'foreign' : null;
  return { conversations, mySide };
};
