import { redirect } from '@sveltejs/kit';
import { href } from '$lib/i18n';
import { formFailure } from '$lib/i18n/form-error.server';
import { createListing } from '$lib/server/listings/editing';
import { getServices } from '$lib/server/runtime/services';
import { readStep } from '../steps';
import { requireForeignAuthority } from '../guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  requireForeignAuthority(locals.actor, url);
  return { defaultLanguage: locals.locale };
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    requireForeignAuthority(locals.actor, url);
    const values = readStep(1, await request.formData(), locals.locale);
    let id: string;
    try {
      id = (await createListing(getServices().db, locals.actor, values)).listing.id;
    } catch (error) {
      return formFailure(error, values);
    }
    redirect(303, href(`/mes-demandes/${id}/modifier?etape=2`));
  },
};
