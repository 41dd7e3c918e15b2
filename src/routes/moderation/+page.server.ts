import { countryName } from '$lib/reference';
import { pageError } from '$lib/i18n/form-error.server';
import { moderationQueue } from '$lib/server/listings/queries';
import { getServices } from '$lib/server/runtime/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const queue = await moderationQueue(getServices().db, locals.actor).catch(pageError);
  const country = url.searchParams.get('pays') ?? '';
  const kind = url.searchParams.get('nature') ?? '';
  const countries = [...new Set(queue.map((q) => q.listing.country))].map((code) => ({
    code,
    name: countryName(code, locals.locale),
  }));
  return {
    decided: url.searchParams.has('decision'),
    filters: { country, kind },
    countries,
    items: queue
      .filter((q) => (!country || q.listing.country === country) && (!kind || q.kind === kind))
      .map((q) => ({
        id: q.listing.id,
        title: q.listing.title,
        country: countryName(q.listing.country, locals.locale),
        authority: q.listing.authority.name,
        authorityVerified: q.authorityVerified,
        kind: q.kind,
        submittedAt: q.submittedAt,
        waitingDays: Math.floor(q.waitingSeconds / 86_400),
      })),
  };
};
