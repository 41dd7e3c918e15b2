import { m } from '$lib/i18n';
import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { archiveListing, reconfirmListing } from '$lib/server/listings/lifecycle';
import type { FullListing } from '$lib/server/listings/projection';
import { listingEvents, viewListing } from '$lib/server/listings/queries';
import type { ListingStatus } from '$lib/server/listings/transitions';
import { isPublic, isSearchable } from '$lib/server/listings/visibility';
import { getServices } from '$lib/server/runtime/services';
import { markMatched } from '$lib/server/partnerships/match';
import { interlocutorsOf } from '$lib/server/conversations/conversations';
import { requireForeignAuthority } from '../guard';
import { resumeStep } from '../steps';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  requireForeignAuthority(locals.actor, url);
  const { db } = getServices();
  const [{ view, version, steps }, events] = await Promise.all([
    viewListing(db, locals.actor, params.id),
    listingEvents(db, locals.actor, params.id),
  ]).catch(pageError);
  const listing = view as FullListing;
  const status = listing.status as ListingStatus;
  return {
    listing: {
      id: listing.id,
      title: listing.title,
      status,
      revisionStatus: listing.revisionStatus,
      expiresAt: listing.expiresAt,
      publishedAt: listing.publishedAt,
    },
    version,
    // "Modifier" resumes at the first step the draft (or pending revision) still lacks.
    resumeStep: resumeStep({ ...listing, ...((listing.revision ?? {}) as Partial<FullListing>) }),
    justSubmitted: url.searchParams.has('envoyee'),
    isPublic: isPublic(status),
    open: isSearchable(status),
    canEdit: steps.edit,
    canSubmit: steps.submit,
    canReconfirm: steps.reconfirm,
    canArchive: steps.archive,
    canMatch: steps.followUp.includes('matched'),
    interlocutors: await interlocutorsOf(db, listing.id),
    comments: events.filter((e) => e.comment && e.actorRole !== 'foreign_authority').reverse(),
    history: events.slice().reverse(),
  };
};

const version = async (request: Request) => {
  const form = await request.formData();
  return { form, version: Number(form.get('version')) || undefined };
};

export const actions: Actions = {
  reconfirm: async ({ params, request, locals, url }) => {
    requireForeignAuthority(locals.actor, url);
    const { version: v } = await version(request);
    try {
      await reconfirmListing(getServices().db, locals.actor, params.id, v);
    } catch (error) {
      return formFailure(error);
    }
    return { notice: m.my_reconfirmed() };
  },
  match: async ({ params, request, locals, url }) => {
    requireForeignAuthority(locals.actor, url);
    const { form, version: v } = await version(request);
    try {
      await markMatched(
        getServices().db,
        locals.actor,
        params.id,
        { frenchAuthorityIds: form.getAll('partners').map(String) },
        v,
      );
    } catch (error) {
      return formFailure(error);
    }
    return { notice: m.partnership_match_done() };
  },
  archive: async ({ params, request, locals, url }) => {
    requireForeignAuthority(locals.actor, url);
    const { form, version: v } = await version(request);
    const comment = String(form.get('comment') ?? '').trim() || null;
    try {
      await archiveListing(getServices().db, locals.actor, params.id, comment, v);
    } catch (error) {
      return formFailure(error, { comment });
    }
    return { notice: m.my_archived() };
  },
};
