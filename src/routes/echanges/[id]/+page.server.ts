import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { m } from '$lib/i18n';
import { requireSignedIn } from '$lib/page-guards';
import { postMessage, readConversation, setContactSharing } from '$lib/server/conversations/conversations';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireSignedIn(locals.actor, url);
  return { conversation: await readConversation(getServices().db, actor, params.id).catch(pageError) };
};

export const actions: Actions = {
  reply: async ({ locals, params, request }) => {
    const message = String((await request.formData()).get('message') ?? '');
    try {
      await postMessage(getServices().db, locals.actor, params.id, message);
      return { sent: true, notice: m.partnership_reply_sent() };
    } catch (error) {
      return formFailure(error, { message });
    }
  },
  share: async ({ locals, params, request }) => {
    const share = (await request.formData()).get('share') === 'true';
    try {
      await setContactSharing(getServices().db, locals.actor, params.id, share);
      return { shared: share };
    } catch (error) {
      return formFailure(error);
    }
  },
};
