import { accessibilityStatement } from '$lib/server/accessibility/statement';
import { unreadCount } from '$lib/server/notifications/notices';
import { getServices } from '$lib/server/runtime/services';
import type { LayoutServerLoad } from './$types';

/**
 * What the header needs about the signed-in person (never more: this reaches every page's data), and the footer's
 * accessibility state, from the same statement /accessibilite shows.
 */
export const load: LayoutServerLoad = async ({ locals }) => ({
  viewer: locals.actor
    ? {
        role: locals.actor.role,
        displayName: locals.actor.displayName,
        unread: await unreadCount(getServices().db, locals.actor.userId),
      }
    : null,
  accessibilityState: accessibilityStatement().state,
});
