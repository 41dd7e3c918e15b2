import { pageError } from '$lib/i18n/form-error.server';
import { countryName } from '$lib/reference';
import { listingStatus } from '$lib/server/db/schema/enums';
import type { ListingStatus } from '$lib/server/listings/transitions';
import { listingsInPerimeter } from '$lib/server/moderation/perimeter';
import { getServices } from '$lib/server/runtime/services';
import type { PageServerLoad } from './$types';

const STATES = listingStatus.enumValues;

export const load: PageServerLoad = async ({ locals, url }) => {
  const requested = url.searchParams.get('etat') as ListingStatus | null;
  const state: ListingStatus = requested && STATES.includes(requested) ? requested : 'published';
  const rows = await listingsInPerimeter(getServices().db, locals.actor, state).catch(pageError);
  return {
    state,
    states: [...STATES],
    listings: rows.map((r) => ({
      ...r,
      country: countryName(r.country, locals.locale),
      updatedAt: r.updatedAt.toISOString(),
      expiresAt: r.expiresAt?.toISOString() ?? null,
    })),
  };
};
