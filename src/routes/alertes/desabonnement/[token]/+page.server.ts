import { unsubscribeByToken } from '$lib/server/alerts/saved-searches';
import { getServices } from '$lib/server/runtime/services';
import type { Actions } from './$types';

// GET only shows the button: mail scanners open links, and must not unsubscribe anyone. Mail clients use
// the RFC 8058 one-click POST (List-Unsubscribe-Post) on this same URL.
export const actions: Actions = {
  default: async ({ params }) => {
    const result = await unsubscribeByToken(getServices().db, params.token);
    return result ? { done: true, name: result.name } : { done: false, name: '' };
  },
};
