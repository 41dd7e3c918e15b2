import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { countryName } from '$lib/reference';
import { Unauthenticated } from '$lib/server/errors';
import { getServices } from '$lib/server/runtime/services';
import { mergeAuthorities } from '$lib/server/trust/merge';
import { foreignAccountsQueue, type QueueAge } from '$lib/server/trust/queues';
import { similarAuthorities } from '$lib/server/trust/similar';
import { deleteSpamRegistrations } from '$lib/server/trust/spam';
import { backToQueue, decideFromQueue } from '$lib/trust/queue-actions.server';
import { readQueueQuery } from '$lib/trust/queue-query';
import type { Actions, PageServerLoad } from './$types';
import { verifyAction } from '../verify';

/**
 * The correspondent's accounts queue: everyone waiting to act for a foreign authority of their countries, complete
 * and paginated (oldest first, so a flood piles up behind genuine requests), with filters, flood alerts, bulk spam
 * deletion and duplicate merging.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const query = readQueueQuery(url.searchParams);
  const { db, config } = getServices();
  const queue = await foreignAccountsQueue(db, config, locals.actor, {
    page: query.page,
    state: query.state as 'pending' | 'rejected',
    country: query.country,
    q: query.q,
    verifiedOnly: query.verifiedOnly,
    age: (query.age || null) as QueueAge | null,
  }).catch(pageError);
  // Possible duplicates of each new (unverified) authority: the ones of its country with a similar name.
  const unverified = [...new Map(queue.items.filter((i) => !i.authority.verified).map((i) => [i.authority.id, i]))];
  const similar = new Map(
    await Promise.all(
      unverified.map(
        async ([id, i]) =>
          [
            id,
            (await similarAuthorities(db, i.authority.country, i.authority.name, 6)).filter((s) => s.id !== id),
          ] as const,
      ),
    ),
  );
  return {
    query,
    done: url.searchParams.get('fait'),
    doneCount: url.searchParams.get('nombre'),
    doneAuthorities: url.searchParams.get('collectivites'),
    total: queue.total,
    page: queue.page,
    pages: queue.pages,
    anomalies: queue.anomalies.map((a) => ({ ...a, countryName: countryName(a.country, locals.locale) })),
    items: queue.items.map(({ user, authority, emailDomain }) => ({
      user: { ...user, createdAt: user.createdAt.toISOString() },
      emailDomain,
      authority: {
        id: authority.id,
        name: authority.name,
        type: authority.type,
        country: authority.country,
        countryName: countryName(authority.country, locals.locale),
        region: authority.region,
        website: authority.website,
        verified: authority.verified,
        members: authority.members,
        createdAt: authority.createdAt.toISOString(),
      },
      similar: similar.get(authority.id) ?? [],
    })),
  };
};

export const actions: Actions = {
  approve: (event) => decideFromQueue(event, 'approve'),
  reject: (event) => decideFromQueue(event, 'reject'),
  verify: verifyAction,
  deleteSpam: async ({ request, locals, url }) => {
    const form = await request.formData();
    const userIds = form.getAll('userIds').map(String);
    let result: { accounts: number; authorities: number };
    try {
      if (!locals.actor) throw new Unauthenticated();
      result = await deleteSpamRegistrations(getServices().db, locals.actor, userIds);
    } catch (error) {
      return formFailure(error, { userIds });
    }
    backToQueue(
      url,
      'spam',
      { nombre: String(result.accounts), collectivites: String(result.authorities) },
      { firstPage: true },
    );
  },
  merge: async ({ request, locals, url }) => {
    const form = await request.formData();
    const duplicateId = String(form.get('duplicateId') ?? '');
    const keepId = String(form.get('keepId') ?? '');
    try {
      if (!locals.actor) throw new Unauthenticated();
      await mergeAuthorities(getServices().db, locals.actor, keepId, duplicateId, 'duplicate (accounts queue)');
    } catch (error) {
      return formFailure(error, { duplicateId, keepId });
    }
    backToQueue(url, 'fusion', {}, { firstPage: true });
  },
};
