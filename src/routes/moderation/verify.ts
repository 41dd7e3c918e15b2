import type { RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/i18n';
import { formFailure } from '$lib/i18n/form-error.server';
import { verifyAuthority } from '$lib/server/authorities/verify';
import { getServices } from '$lib/server/runtime/services';

/** The "verify this authority" form action, shared by the review page and the verification list. */
export async function verifyAction({ request, locals }: Pick<RequestEvent, 'request' | 'locals'>) {
  const form = await request.formData();
  try {
    await verifyAuthority(getServices().db, locals.actor, String(form.get('authorityId') ?? ''));
  } catch (error) {
    return formFailure(error);
  }
  return { notice: m.mod_verified() };
}
