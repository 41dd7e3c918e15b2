import { redirect, type RequestEvent } from '@sveltejs/kit';
import { formFailure } from '$lib/i18n/form-error.server';
import { Unauthenticated } from '$lib/server/errors';
import { getServices } from '$lib/server/runtime/services';
import { decideMembership, type MembershipDecision } from '$lib/server/trust/membership';

/** The parameters a redirect adds, dropped before the next one adds its own. */
const DONE_KEYS = new Set(['fait', 'domaine', 'nombre', 'collectivites']);

type Event = Pick<RequestEvent, 'request' | 'locals' | 'url'>;

/**
 * Post/redirect/get: after a decision the browser goes back to the list it came from (same filters and page, the
 * action's own `?/name` dropped) with `fait=` naming what was done, so reloading never decides twice.
 */
export function backToQueue(
  url: URL,
  done: string,
  extra: Record<string, string> = {},
  { firstPage = false, anchor = '' } = {},
): never {
  const params = new URLSearchParams();
  for (const [key, value] of url.searchParams)
    if (!key.startsWith('/') && !DONE_KEYS.has(key) && !(firstPage && key === 'page')) params.set(key, value);
  params.set('fait', done);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  redirect(303, `${url.pathname}?${params}${anchor ? `#${anchor}` : ''}`);
}

/** Approve or reject (reason required; the person is told, in their language) one person waiting in a queue. */
export async function decideFromQueue(
  event: Event,
  decision: Extract<MembershipDecision, 'approve' | 'reject'>,
  { anchor = '' } = {},
) {
  const form = await event.request.formData();
  const userId = String(form.get('userId') ?? '');
  const reason = String(form.get('reason') ?? '');
  try {
    if (!event.locals.actor) throw new Unauthenticated();
    await decideMembership(getServices(), event.locals.actor, userId, decision, reason);
  } catch (error) {
    const failure = formFailure(error, { userId, reason, decision });
    if (failure.data.field === 'reason') failure.data.fieldErrors = { [`reason-${userId}`]: failure.data.message };
    return failure;
  }
  backToQueue(event.url, decision === 'approve' ? 'approuve' : 'refuse', {}, { anchor });
}
