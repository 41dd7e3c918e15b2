import { m } from '$lib/i18n';
import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { countryName } from '$lib/reference';
import { inviteStaff } from '$lib/server/auth/invitations';
import { Unauthenticated } from '$lib/server/errors';
import { listStaff } from '$lib/server/staff/staff';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const staff = await listStaff(getServices().db, locals.actor).catch(pageError);
  return {
    staff: staff.map((s) => ({
      ...s,
      disabledAt: null,
      countries: s.countries.map((c) => countryName(c, locals.locale)),
    })),
  };
};

export const actions: Actions = {
  invite: async ({ request, locals }) => {
    const form = await request.formData();
    const values = {
      email: String(form.get('email') ?? ''),
      role: form.get('role') === 'admin' ? ('admin' as const) : ('correspondent' as const),
      countries: String(form.get('countries') ?? ''),
    };
    try {
      if (!locals.actor) throw new Unauthenticated();
      const countries = values.countries.split(/[\s,;]+/).filter(Boolean);
      await inviteStaff(getServices(), locals.actor, {
        email: values.email,
        role: values.role,
        countries: values.role === 'admin' ? [] : countries,
        locale: locals.locale,
      });
    } catch (error) {
      return formFailure(error, values);
    }
    return { notice: m.admin_invite_sent({ email: values.email }) };
  },
};
