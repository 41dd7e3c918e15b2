import { accountFailure, limitedPerIp, text } from '$lib/accounts/form.server';
import { m } from '$lib/i18n';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { getServices } from '$lib/server/runtime/services';
import type { Actions } from './$types';

export const actions: Actions = limitedPerIp({
  default: async ({ request }) => {
    const form = await request.formData();
    const email = text(form, 'email');
    try {
      await requestPasswordReset(getServices(), email);
    } catch (error) {
      return accountFailure(error, { email });
    }
    // The same words whether or not the address has an account.
    return { notice: m.accounts_forgot_sent() };
  },
});
