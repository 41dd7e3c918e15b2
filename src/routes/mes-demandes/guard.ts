import { error } from '@sveltejs/kit';
import { m } from '$lib/i18n';
import { requireRole } from '$lib/page-guards';
import type { Actor } from '$lib/server/auth/actor';

/** The "my requests" pages are for the users of a foreign authority; anonymous visitors are sent to sign in. */
export function requireForeignAuthority(actor: Actor | null, url: URL): Actor & { authorityId: string } {
  const signedIn = requireRole({ actor }, url);
  if (signedIn.role !== 'foreign_authority' || !signedIn.authorityId) error(403, m.my_no_authority());
  return signedIn as Actor & { authorityId: string };
}
