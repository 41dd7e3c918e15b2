import type { LayoutServerLoad } from './$types';

/** What the header needs about the signed-in person (never more: this reaches every page's data). */
export const load: LayoutServerLoad = ({ locals }) => ({
  viewer: locals.actor ? { role: locals.actor.role, displayName: locals.actor.displayName } : null,
});
