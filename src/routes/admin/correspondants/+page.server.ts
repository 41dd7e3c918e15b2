import { m } from '$lib/i18n';
import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { COUNTRIES, countryName, isForeignCountry } from '$lib/reference';
import { inviteStaff } from '$lib/server/auth/invitations';
import { Unauthenticated } from '$lib/server/errors';
import { coverageGaps } from '$lib/server/staff/coverage';
import { pendingStaffInvitations, resendStaffInvitation, revokeStaffInvitation } from '$lib/server/staff/invitations';
import { listStaff, setAccountDisabled, setCorrespondentCountries } from '$lib/server/staff/staff';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

type Locale = Parameters<typeof countryName>[1];

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * The countries a form sent: the picker's codes, or names typed in the reader's language ("Colombie") by someone
 * without the picker. What matches nothing is passed on as typed, for the service to refuse by name.
 */
function countriesOf(form: FormData, locale: Locale): string[] {
  const byName = new Map(COUNTRIES.map((c) => [fold(countryName(c.code, locale)), c.code]));
  return form
    .getAll('countries')
    .flatMap((v) => String(v).split(/[,;\n]+/))
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => (/^[A-Za-z]{2}$/.test(v) ? v.toUpperCase() : (byName.get(fold(v)) ?? v)));
}

export const load: PageServerLoad = async ({ locals }) => {
  const { db } = getServices();
  const locale = locals.locale as Locale;
  const named = (codes: string[]) => codes.map((c) => countryName(c, locale));
  const [staff, invitations, gaps] = await Promise.all([
    listStaff(db, locals.actor),
    pendingStaffInvitations(db, locals.actor),
    coverageGaps(db, locals.actor),
  ]).catch(pageError);
  return {
    staff: staff.map((s) => ({ ...s, disabledAt: null, countryCodes: s.countries, countries: named(s.countries) })),
    invitations: invitations.map((i) => ({
      ...i,
      countries: named(i.countries),
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
    })),
    gaps: gaps.map((g) => ({
      ...g,
      name: countryName(g.country, locale),
      oldestWaiting: g.oldestWaiting?.toISOString() ?? null,
    })),
    countryOptions: COUNTRIES.filter((c) => isForeignCountry(c.code))
      .map((c) => ({ code: c.code, name: countryName(c.code, locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
  };
};

const actor = (locals: App.Locals) => {
  if (!locals.actor) throw new Unauthenticated();
  return locals.actor;
};

export const actions: Actions = {
  invite: async ({ request, locals }) => {
    const form = await request.formData();
    const role = form.get('role') === 'admin' ? ('admin' as const) : ('correspondent' as const);
    const countries = countriesOf(form, locals.locale as Locale);
    const values = { email: String(form.get('email') ?? ''), role, countries: countries.join(',') };
    try {
      await inviteStaff(getServices(), actor(locals), {
        email: values.email,
        role,
        countries: role === 'admin' ? [] : countries,
        locale: locals.locale,
      });
    } catch (error) {
      return formFailure(error, values);
    }
    return { notice: m.admin_invite_sent({ email: values.email }) };
  },
  countries: async ({ request, locals }) => {
    const form = await request.formData();
    const userId = String(form.get('userId') ?? '');
    const countries = countriesOf(form, locals.locale as Locale);
    try {
      const saved = await setCorrespondentCountries(getServices().db, actor(locals), userId, countries);
      return {
        notice: m.admin_countries_saved({
          countries: saved.map((c) => countryName(c, locals.locale as Locale)).join(', '),
        }),
      };
    } catch (error) {
      return formFailure(error, { userId, countries: countries.join(',') });
    }
  },
  disable: async ({ request, locals }) => {
    const userId = String((await request.formData()).get('userId') ?? '');
    try {
      await setAccountDisabled(getServices().db, actor(locals), userId, true);
    } catch (error) {
      return formFailure(error, { userId });
    }
    return { notice: m.admin_account_disabled() };
  },
  enable: async ({ request, locals }) => {
    const userId = String((await request.formData()).get('userId') ?? '');
    try {
      await setAccountDisabled(getServices().db, actor(locals), userId, false);
    } catch (error) {
      return formFailure(error, { userId });
    }
    return { notice: m.admin_account_enabled() };
  },
  resend: async ({ request, locals }) => {
    const id = String((await request.formData()).get('invitationId') ?? '');
    try {
      const sent = await resendStaffInvitation(getServices(), actor(locals), id);
      return { notice: m.admin_invite_sent({ email: sent.email }) };
    } catch (error) {
      return formFailure(error, { invitationId: id });
    }
  },
  revoke: async ({ request, locals }) => {
    const id = String((await request.formData()).get('invitationId') ?? '');
    try {
      await revokeStaffInvitation(getServices().db, actor(locals), id);
    } catch (error) {
      return formFailure(error, { invitationId: id });
    }
    return { notice: m.admin_invitation_revoked() };
  },
};
