import { redirect } from '@sveltejs/kit';
import { accountFailure, limitedPerIp, setSessionCookie, text } from '$lib/accounts/form.server';
import { href } from '$lib/i18n';
import { pageError } from '$lib/i18n/form-error.server';
import { countryName } from '$lib/reference';
import { acceptInvitation, describeInvitation } from '$lib/server/auth/invitations';
import { openSession } from '$lib/server/auth/login';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const invitation = await describeInvitation(getServices(), params.token).catch(pageError);
  return {
    email: invitation.email,
    role: invitation.role,
    authorityName: invitation.authorityName,
    countries: invitation.countries.map((c) => countryName(c, locals.locale)),
  };
};

export const actions: Actions = limitedPerIp({
  default: async ({ request, params, cookies, locals }) => {
    const form = await request.formData();
    const values = { displayName: text(form, 'displayName'), jobTitle: text(form, 'jobTitle') };
    try {
      const { userId } = await acceptInvitation(getServices(), {
        token: params.token,
        ...values,
        password: text(form, 'password'),
        locale: locals.locale,
      });
      setSessionCookie(cookies, await openSession(getServices().db, userId, request.headers.get('user-agent')));
    } catch (error) {
      return accountFailure(error, values);
    }
    redirect(303, href('/compte'));
  },
});
