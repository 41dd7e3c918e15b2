import { accountFailure, limitedPerIp, text } from '$lib/accounts/form.server';
import { m } from '$lib/i18n';
import { sendEmailVerification, verifyEmail } from '$lib/server/auth/email-verification';
import { findUserById } from '$lib/server/auth/users';
import { Conflict, Unauthenticated } from '$lib/server/errors';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

/** Opening the link shows a button: mail scanners that follow links must not spend the token. */
export const load: PageServerLoad = ({ url, locals }) => ({
  token: url.searchParams.get('token') ?? '',
  signedIn: locals.actor !== null,
  emailVerified: locals.actor?.emailVerified ?? false,
});

export const actions: Actions = limitedPerIp({
  confirm: async ({ request }) => {
    const form = await request.formData();
    try {
      const { approved } = await verifyEmail(getServices(), text(form, 'token'));
      return { notice: approved ? m.accounts_verify_done_approved() : m.accounts_verify_done(), done: true };
    } catch (error) {
      return accountFailure(error);
    }
  },
  resend: async ({ locals }) => {
    try {
      if (!locals.actor) throw new Unauthenticated();
      const user = await findUserById(getServices().db, locals.actor.userId);
      if (!user || user.emailVerifiedAt) throw new Conflict('This address is already verified.');
      await sendEmailVerification(getServices(), user);
      return { notice: m.accounts_resent(), done: false };
    } catch (error) {
      return accountFailure(error);
    }
  },
});
