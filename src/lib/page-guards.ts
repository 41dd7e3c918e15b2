import { error, redirect } from '@sveltejs/kit';
import { href, m } from '$lib/i18n';
import type { Actor, Role } from '$lib/server/auth/actor';
import { clientAddress } from '$lib/server/http/client-address';
import { getServices } from '$lib/server/runtime/services';
import { consumeRateLimit } from '$lib/server/security/rate-limit';

/**
 * The one guard of pages for signed-in people: an anonymous visitor is sent to the sign-in page and brought back
 * to the very page afterwards (path and query: a search, a step of a form); a signed-in person of another role gets
 * 403. `redirectTo` is checked again when it is used (`safeRedirect`), never trusted as sent.
 */
export function requireRole(locals: { actor: Actor | null }, url: URL, roles?: readonly Role[]): Actor {
  const actor = locals.actor;
  if (!actor) redirect(303, `${href('/connexion')}?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  if (roles && !roles.includes(actor.role)) error(403, m.error_forbidden());
  return actor;
}

/** Any signed-in person. */
export const requireSignedIn = (actor: Actor | null, url: URL): Actor => requireRole({ actor }, url);

/**
 * Pages that answer as an API route does share its per-IP limit (the search page and its `__data.json` count in
 * the API's `search` bucket). Over it, the page error mapping answers 429 with Retry-After in the reader's language.
 */
export async function requireWithinSearchLimit(event: {
  platform?: unknown;
  getClientAddress(): string;
}): Promise<void> {
  const { db, config } = getServices();
  const refusal = await consumeRateLimit(db, 'search', clientAddress(event), config.rateLimits.search);
  if (refusal) throw refusal;
}

/**
 * A page rendered on the server only ($lib/enhance/server-rendered-routes) is read as a document: SvelteKit's
 * client asks for its data only when it preloads a link on hover, and the navigation then loads the document. Its
 * load (a search, a request's view) is not run for that: the answer sends the client to the document.
 */
export function documentOnly(event: { isDataRequest: boolean; url: URL }): void {
  if (event.isDataRequest) redirect(303, event.url.pathname + event.url.search);
}
