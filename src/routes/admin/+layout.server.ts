import { requireRole } from '$lib/page-guards';
import type { LayoutServerLoad } from './$types';

/** The delegation's pages. */
export const load: LayoutServerLoad = ({ locals, url }) => {
  requireRole(locals, url, ['admin']);
};
