import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { redirect } from '@sveltejs/kit';
import { requireSignedIn } from '$lib/page-guards';
import { postMessage, readConversation, setContactSharing } from '$lib/server/conversations/conversations';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireSignedIn(locals.actor, url);
  return {
    conversation: await readConversation(getServices().db, actor, params.id).catch(pageError),
    sent: url.searchParams.has('envoye'),
  };
};

export const actions: Actions = {
  reply: async ({ locals, params, request, url }) => {
    const message = String((await request.formData()).get('message') ?? '');
    try {
      await postMessage(getServices().db, locals.actor, params.id, message);
    } catch (error) {
      return formFailure(error, { message });
    }
    // Post/redirect/get: reloading after sending does not send the message twice.
    redirect(303, `${url.pathname}?envoye=1`);
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
