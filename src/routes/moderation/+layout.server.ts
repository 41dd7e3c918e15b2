import { requireRole } from '$lib/page-guards';
import { countryName } from '$lib/reference';
import type { LayoutServerLoad } from './$types';

/** Moderation is for embassy correspondents (their countries) and the delegation (every country). */
export const load: LayoutServerLoad = ({ locals, url }) => {
  const actor = requireRole(locals, url, ['correspondent', 'admin']);
  return {
    perimeter:
      actor.role === 'admin' ? null : actor.countries.map((code) => ({ code, name: countryName(code, locals.locale) })),
  };
};
