import { m } from '$lib/i18n';
import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { countryName } from '$lib/reference';
import { decideMembership } from '$lib/server/trust/membership';
import { Unauthenticated } from '$lib/server/errors';
import { pendingVerifications } from '$lib/server/moderation/perimeter';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';
import { verifyAction } from '../verify';

export const load: PageServerLoad = async ({ locals }) => {
  const pending = await pendingVerifications(getServices().db, locals.actor).catch(pageError);
  return {
    pending: pending.map((a) => ({
      ...a,
      countryName: countryName(a.country, locals.locale),
      createdAt: a.createdAt.toISOString(),
    })),
  };
};

export const actions: Actions = {
  verify: verifyAction,
  approve: async ({ request, locals }) => {
    const form = await request.formData();
    try {
      if (!locals.actor) throw new Unauthenticated();
      await decideMembership(getServices(), locals.actor, String(form.get('userId') ?? ''), 'approve');
    } catch (error) {
      return formFailure(error);
    }
    return { notice: m.mod_user_approved() };
  },
};
