import { redirect } from '@sveltejs/kit';
import { describeListing, type ListingLike } from '$lib/server/views/listing-view';
import { getLocale, href } from '$lib/i18n';
import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { InvalidInput } from '$lib/server/errors';
import { decideListing, type Decision } from '$lib/server/listings/lifecycle';
import { DECISIONS } from '$lib/server/listings/transitions';
import type { FullListing } from '$lib/server/listings/projection';
import { listingEvents, viewListing } from '$lib/server/listings/queries';
import { getServices } from '$lib/server/runtime/services';
import { readAuthorityProfile } from '$lib/server/authorities/profile';
import { isSearchable } from '$lib/server/listings/visibility';
import { suggestFrenchAuthorities } from '$lib/server/recommendations/recommend';
import type { Actions, PageServerLoad } from './$types';
import { verifyAction } from '../verify';
import { changesSinceLastRequest, revisionChanges } from './changes';

export const load: PageServerLoad = async ({ params, locals }) => {
  const { db } = getServices();
  const [{ view, version, steps }, events] = await Promise.all([
    viewListing(db, locals.actor, params.id),
    listingEvents(db, locals.actor, params.id),
  ]).catch(pageError);
  const listing = view as FullListing;
  const isRevision = listing.revisionStatus === 'submitted' && listing.revision !== null;
  const proposed = isRevision ? ({ ...listing, ...listing.revision } as FullListing) : listing;
  const locale = getLocale();
  return {
    id: listing.id,
    version,
    status: listing.status,
    isRevision,
    awaitingDecision: steps.decide,
    authority: {
      id: listing.authority.id,
      name: listing.authority.name,
      verified: listing.authority.verified,
      // What the authority says about itself (its members may correct it; each change is in the trust trail).
      profile: await readAuthorityProfile(db, listing.authority.id).catch(pageError),
    },
    listing: describeListing(proposed as ListingLike, locale),
    contacts: { electedOfficial: proposed.electedOfficial, technicalContact: proposed.technicalContact },
    changes: isRevision ? revisionChanges(listing, locale) : changesSinceLastRequest(events, locale),
    history: events.slice().reverse(),
    suggestedPartners: isSearchable(listing.status)
      ? await suggestFrenchAuthorities(db, locals.actor, listing.id, 10).catch(pageError)
      : [],
  };
};

export const actions: Actions = {
  decide: async ({ params, request, locals }) => {
    const form = await request.formData();
    const decision = String(form.get('decision') ?? '') as Decision;
    const comment = String(form.get('comment') ?? '');
    const values = { decision, comment };
    if (!(DECISIONS as readonly string[]).includes(decision)) {
      return formFailure(new InvalidInput('decision', 'decision is required.', { reason: 'required' }), values);
    }
    try {
      await decideListing(
        getServices().db,
        locals.actor,
        params.id,
        { decision, comment },
        Number(form.get('version')) || undefined,
      );
    } catch (error) {
      return formFailure(error, values);
    }
    redirect(303, `${href('/moderation')}?decision=${decision}`);
  },
  verify: verifyAction,
};
