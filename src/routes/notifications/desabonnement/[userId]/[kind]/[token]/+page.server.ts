import { m } from '$lib/i18n';
import { DomainError } from '$lib/server/errors';
import { isNotificationKind } from '$lib/server/notifications/kinds';
import { unsubscribe } from '$lib/server/notifications/preferences';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

const kindLabel = (kind: string) =>
  isNotificationKind(kind) ? (m as unknown as Record<string, () => string>)[`notify_kind_${kind}`]!() : '';

export const load: PageServerLoad = ({ params }) => ({ kindLabel: kindLabel(params.kind) });

// GET only shows the button: mail scanners open links and must not unsubscribe anyone. Mail clients use the
// RFC 8058 one-click POST of the List-Unsubscribe header (POST /api/v1/notifications/unsubscribe/…).
export const actions: Actions = {
  default: async ({ params }) => {
    try {
      await unsubscribe(getServices().db, params.userId, params.kind, params.token);
      return { done: true };
    } catch (error) {
      if (error instanceof DomainError) return { done: false };
      throw error;
    }
  },
};
