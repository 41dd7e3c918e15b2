import { redirect } from '@sveltejs/kit';
import { href } from '$lib/i18n';
import type { Actor } from '$lib/server/auth/actor';

/** Pages for signed-in people send anonymous visitors to the sign-in page, and back here afterwards. */
export function requireSignedIn(actor: Actor | null, url: URL): Actor {
  if (!actor) redirect(303, `${href('/connexion')}?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  return actor;
}
