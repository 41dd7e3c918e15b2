import { DomainError } from '$lib/server/errors';
import { reconfirmFromLink } from '$lib/server/freshness/reconfirm';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

// The mailed link opens this page; the button does the work (mail scanners follow links, they do not post).
export const load: PageServerLoad = async ({ url }) => ({
  u: url.searchParams.get('u') ?? '',
  t: url.searchParams.get('t') ?? '',
});

export const actions: Actions = {
  default: async ({ params, request }) => {
    const form = await request.formData();
    try {
      const result = await reconfirmFromLink(getServices().db, {
        listingId: params.id,
        userId: String(form.get('u') ?? ''),
        token: String(form.get('t') ?? ''),
      });
      return { done: true as const, title: result.title, expiresAt: result.expiresAt.toISOString() };
    } catch (error) {
      if (error instanceof DomainError) return { done: false as const };
      throw error;
    }
  },
};
