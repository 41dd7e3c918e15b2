import { error, redirect } from '@sveltejs/kit';
import { href, m } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

/** The delegation's pages. */
export const load: LayoutServerLoad = ({ locals, url }) => {
  if (!locals.actor) redirect(303, `${href('/connexion')}?redirectTo=${encodeURIComponent(url.pathname)}`);
  if (locals.actor.role !== 'admin') error(403, m.error_forbidden());
};
