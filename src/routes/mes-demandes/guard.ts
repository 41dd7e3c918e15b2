import { error, redirect } from '@sveltejs/kit';
import { href, m } from '$lib/i18n';
import type { Actor } from '$lib/server/auth/actor';

/** The "my requests" pages are for the users of a foreign authority; anonymous visitors are sent to sign in. */
export function requireForeignAuthority(actor: Actor | null, url: URL): Actor & { authorityId: string } {
  if (!actor) redirect(303, `${href('/connexion')}?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  if (actor.role !== 'foreign_authority' || !actor.authorityId) error(403, m.my_no_authority());
  return actor as Actor & { authorityId: string };
}
