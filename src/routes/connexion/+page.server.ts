import { redirect } from '@sveltejs/kit';
import {
  accountFailure,
  limitedPerIp,
  redirectToField,
  safeRedirect,
  setSessionCookie,
  text,
} from '$lib/accounts/form.server';
import { ROLE_HOME } from '$lib/accounts/role-home';
import { DEVICE_COOKIE } from '$lib/server/auth/device-cookie';
import { loginWithPassword } from '$lib/server/auth/login';
import { clientAddress } from '$lib/server/http/client-address';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.actor) redirect(303, safeRedirect(url.searchParams.get('redirectTo'), ROLE_HOME[locals.actor.role]));
  return {
    reset: url.searchParams.has('reinitialise'),
    redirectTo: redirectToField(url.searchParams.get('redirectTo')),
  };
};

export const actions: Actions = limitedPerIp({
  default: async (event) => {
    const { request, cookies, url } = event;
    const form = await request.formData();
    const email = text(form, 'email');
    let home: string;
    try {
      const result = await loginWithPassword(getServices().db, {
        email,
        password: text(form, 'password'),
        userAgent: request.headers.get('user-agent'),
        ip: clientAddress(event),
        deviceCookie: cookies.get(DEVICE_COOKIE),
        onThrottled: (throttled) => getServices().logger.warn(throttled, 'sign-in throttling started'),
      });
      setSessionCookie(cookies, result);
      home = ROLE_HOME[result.actor.role];
    } catch (error) {
      return accountFailure(error, { email });
    }
    redirect(303, safeRedirect(text(form, 'redirectTo') || url.searchParams.get('redirectTo'), home));
  },
});
