import { describeListing } from '$lib/server/views/listing-view';
import { describePath, describeSupport } from '$lib/server/views/cofinancing-view';
import { cofinancingFor } from '$lib/server/cofinancing/paths';
import { supportFor } from '$lib/server/cofinancing/support';
import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import { isModerator, isAuthor } from '$lib/server/listings/permissions';
import { viewListing } from '$lib/server/listings/queries';
import { isPublic, isSearchable } from '$lib/server/listings/visibility';
import { expressInterest } from '$lib/server/conversations/conversations';
import { getServices } from '$lib/server/runtime/services';
import { documentOnly } from '$lib/page-guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url, isDataRequest }) => {
  documentOnly({ isDataRequest, url });
  const { db } = getServices();
  const { view } = await viewListing(db, locals.actor, params.id).catch(pageError);
  const scope = { authorityId: view.authority.id, country: view.country, status: view.status };
  const locale = getLocale();
  const cofinancing = isPublic(view.status)
    ? await cofinancingFor(db, locals.actor, { country: view.country, themes: view.themes })
    : null;
  const region = cofinancing?.french?.region ?? null;
  return {
    cofinancing: cofinancing && {
      paths: cofinancing.paths.map((p) => describePath(p, locale)),
      authorityName: cofinancing.french?.name ?? null,
      support: describeSupport(region, region ? await supportFor(db, region) : []),
    },
    listing: describeListing(view, locale),
    isPublic: isPublic(view.status),
    open: isSearchable(view.status),
    canEdit: isAuthor(locals.actor, scope),
    canModerate: isModerator(locals.actor, scope),
    canExpressInterest: locals.actor?.role === 'french_authority',
    interestSent: url.searchParams.get('message') === 'envoye' || url.searchParams.get('message') === 'en-attente',
    interestAwaitingMember: url.searchParams.get('message') === 'en-attente',
  };
};

export const actions: Actions = {
  interest: async ({ params, request, locals, url }) => {
    const message = String((await request.formData()).get('message') ?? '');
    let posted;
    try {
      posted = await expressInterest(getServices().db, locals.actor, params.id, message);
    } catch (error) {
      return formFailure(error, { message });
    }
    // Post/redirect/get: reloading the page that says "sent" must not send the message again.
    redirect(303, `${url.pathname}?message=${posted.awaitingMember ? 'en-attente' : 'envoye'}#interet`);
  },
};
