import { Unauthenticated } from '$lib/server/errors';
import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { getServices } from '$lib/server/runtime/services';
import { normaliseDomain, recordAuthorityDomain } from '$lib/server/trust/domains';
import { departementOf, frenchAccountsQueue, type QueueAge } from '$lib/server/trust/queues';
import { backToQueue, decideFromQueue } from '$lib/trust/queue-actions.server';
import { readQueueQuery } from '$lib/trust/queue-query';
import type { Actions, PageServerLoad } from './$types';

function suggestDomain(domain: string): string {
  try {
    return normaliseDomain(domain);
  } catch {
    return '';
  }
}

/** The admins' French accounts queue: who asks to act for which collectivité, and the facts to decide on. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const query = readQueueQuery(url.searchParams);
  const { db, config } = getServices();
  const queue = await frenchAccountsQueue(db, config, locals.actor, {
    page: query.page,
    state: query.state as 'pending' | 'rejected',
    q: query.q,
    verifiedOnly: query.verifiedOnly,
    age: (query.age || null) as QueueAge | null,
  }).catch(pageError);
  return {
    query,
    done: url.searchParams.get('fait'),
    doneDomain: url.searchParams.get('domaine'),
    doneCount: url.searchParams.get('nombre'),
    total: queue.total,
    page: queue.page,
    pages: queue.pages,
    items: queue.items.map(({ user, authority, emailDomain }) => ({
      user: { ...user, createdAt: user.createdAt.toISOString() },
      emailDomain,
      domainKnown: authority.emailDomains.includes(emailDomain),
      // The domain field offers the person's own domain, unless it is a public mailbox provider (gmail.com…).
      suggestedDomain: suggestDomain(emailDomain),
      authority: {
        id: authority.id,
        name: authority.name,
        type: authority.type,
        officialCode: authority.officialCode,
        departement: departementOf(authority),
        website: authority.website,
        emailDomains: authority.emailDomains,
        members: authority.members,
      },
    })),
  };
};

export const actions: Actions = {
  approve: (event) => decideFromQueue(event, 'approve'),
  reject: (event) => decideFromQueue(event, 'reject'),
  recordDomain: async ({ request, locals, url }) => {
    const form = await request.formData();
    const authorityId = String(form.get('authorityId') ?? '');
    const userId = String(form.get('userId') ?? '');
    const domain = String(form.get('domain') ?? '');
    let approved: number;
    try {
      if (!locals.actor) throw new Unauthenticated();
      ({ approved } = await recordAuthorityDomain(getServices(), locals.actor, authorityId, domain));
    } catch (error) {
      const failure = formFailure(error, { authorityId, domain, userId });
      if (failure.data.field === 'domain') failure.data.fieldErrors = { [`domain-${userId}`]: failure.data.message };
      return failure;
    }
    backToQueue(url, 'domaine', { domaine: normaliseDomain(domain), nombre: String(approved) });
  },
};
