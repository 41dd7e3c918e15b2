import { redirect } from '@sveltejs/kit';
import { describeListing, type ListingLike } from '$lib/server/views/listing-view';
import { getLocale, href } from '$lib/i18n';
import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { submitListing, updateListing } from '$lib/server/listings/editing';
import type { FullListing } from '$lib/server/listings/projection';
import { viewListing } from '$lib/server/listings/queries';
import { getServices } from '$lib/server/runtime/services';
import { requireForeignAuthority } from '../../guard';
import { LAST_EDIT_STEP, mergeTranslations, readStep, resumeStep, stepCompletion, stepNumber } from '../../steps';
import type { Actions, PageServerLoad } from './$types';

/** What the author is editing: the draft itself, or for a published request its pending revision over it. */
function editedContent(view: FullListing): FullListing {
  return { ...view, ...((view.revision ?? {}) as Partial<FullListing>) };
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
  requireForeignAuthority(locals.actor, url);
  const { view, version } = await viewListing(getServices().db, locals.actor, params.id).catch(pageError);
  if (!('version' in view)) pageError(null);
  const content = editedContent(view as FullListing);
  // Without a step asked for, a returning author resumes where the draft is still incomplete.
  const asked = url.searchParams.get('etape');
  const step = asked === null ? resumeStep(content) : stepNumber(asked);
  return {
    id: params.id,
    version,
    step,
    completed: stepCompletion(content),
    status: view.status,
    values: content,
    preview: step === 5 ? describeListing(content as ListingLike, getLocale()) : null,
    saved: url.searchParams.has('enregistre'),
  };
};

const version = (form: FormData) => Number(form.get('version')) || null;

export const actions: Actions = {
  save: async ({ params, request, locals, url }) => {
    requireForeignAuthority(locals.actor, url);
    const form = await request.formData();
    const step = stepNumber(String(form.get('step')));
    const values = readStep(step, form, getLocale());
    try {
      if (values.translations) {
        const { view } = await viewListing(getServices().db, locals.actor, params.id);
        const current = editedContent(view as FullListing);
        values.translations = mergeTranslations(
          current.translations as unknown as Record<string, Record<string, unknown>>,
          values.translations as Record<string, { title: string; summary: string }>,
          current.originalLanguage,
        );
      }
      await updateListing(getServices().db, locals.actor, params.id, values, version(form));
    } catch (error) {
      return formFailure(error, values);
    }
    // Post/redirect/get: reloading the page after saving does not post the form again.
    if (form.get('intent') === 'next')
      redirect(303, href(`/mes-demandes/${params.id}/modifier?etape=${Math.min(step + 1, LAST_EDIT_STEP + 1)}`));
    redirect(303, href(`/mes-demandes/${params.id}/modifier?etape=${step}&enregistre=1`));
  },
  submit: async ({ params, request, locals, url }) => {
    requireForeignAuthority(locals.actor, url);
    const form = await request.formData();
    try {
      await submitListing(getServices().db, locals.actor, params.id, version(form) ?? undefined);
    } catch (error) {
      return formFailure(error);
    }
    redirect(303, href(`/mes-demandes/${params.id}?envoyee=1`));
  },
};
