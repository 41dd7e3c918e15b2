import { error, redirect } from '@sveltejs/kit';
import { href, m } from '$lib/i18n';
import { countryName } from '$lib/reference';
import type { LayoutServerLoad } from './$types';

/** Moderation is for embassy correspondents (their countries) and the delegation (every country). */
export const load: LayoutServerLoad = ({ locals, url }) => {
  const actor = locals.actor;
  if (!actor) redirect(303, `${href('/connexion')}?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  if (actor.role !== 'correspondent' && actor.role !== 'admin') error(403, m.error_forbidden());
  return {
    perimeter: actor.role === 'admin' ? null : actor.countries.map((code) => ({ code, name: countryName(code, locals.locale) })),
  };
};
