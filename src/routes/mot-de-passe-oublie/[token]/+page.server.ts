import { redirect } from '@sveltejs/kit';
import { accountFailure, limitedPerIp, text } from '$lib/accounts/form.server';
import { href } from '$lib/i18n';
import { resetPassword } from '$lib/server/auth/password-reset';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { getServices } from '$lib/server/runtime/services';
import type { Actions } from './$types';

export const actions: Actions = limitedPerIp({
  default: async ({ request, params, cookies }) => {
    const form = await request.formData();
    try {
      await resetPassword(getServices(), params.token, text(form, 'password'));
    } catch (error) {
      return accountFailure(error);
    }
    // Every session of the account ended, this browser's included.
    cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, href('/connexion?reinitialise=1'));
  },
});
