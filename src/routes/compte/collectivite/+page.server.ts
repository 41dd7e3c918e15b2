import { redirect } from '@sveltejs/kit';
import { text } from '$lib/accounts/form.server';
import { parseWholeNumber } from '$lib/forms/whole-number';
import { href } from '$lib/i18n';
import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { requireSignedIn } from '$lib/page-guards';
import { countryName } from '$lib/reference';
import { readAuthorityProfile, updateAuthorityProfile } from '$lib/server/authorities/profile';
import { speaksFor } from '$lib/server/permissions/membership';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

/** An authority's own page for what it says about itself: every member reads it, approved members correct it. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireSignedIn(locals.actor, url);
  if (!actor.authorityId) redirect(303, href('/compte'));
  const profile = await readAuthorityProfile(getServices().db, actor.authorityId).catch(pageError);
  return {
    profile: { ...profile, countryName: countryName(profile.country, locals.locale) },
    canEdit: speaksFor(actor, actor.authorityId),
    saved: url.searchParams.has('enregistre'),
  };
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const actor = requireSignedIn(locals.actor, url);
    const form = await request.formData();
    const values = {
      population: text(form, 'population'),
      website: text(form, 'website'),
      region: text(form, 'region'),
    };
    const population = parseWholeNumber(values.population, locals.locale);
    try {
      await updateAuthorityProfile(
        getServices().db,
        actor,
        actor.authorityId ?? '',
        { population: population as number | null, website: values.website || null, region: values.region || null },
        text(form, 'version'),
      );
    } catch (error) {
      return formFailure(error, values);
    }
    // Post/redirect/get: reloading the confirmation does not post again.
    redirect(303, href('/compte/collectivite?enregistre=1'));
  },
};
