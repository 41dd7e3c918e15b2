import { error as kitError, fail, type ActionFailure } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { DomainError, InvalidInput } from '$lib/server/errors';

export interface FormFailure {
  /** The message for the top of the form, in the user's language. */
  message: string;
  /** The field the domain refused (dotted path, e.g. `technicalContact.email`), if any. */
  field: string | null;
  fieldErrors: Record<string, string>;
}

/** A domain refusal in the user's language. The domain writes English for API clients; pages translate by kind. */
export function localizeDomainError(error: DomainError): string {
  const text = error.message;
  let match: RegExpMatchArray | null;
  switch (error.code) {
    case 'invalid_input':
      if (/is required/.test(text)) return m.errors_required();
      if ((match = text.match(/at least (\d+) characters/))) return m.errors_min_length({ min: match[1]! });
      if ((match = text.match(/at most (\d+) characters/))) return m.errors_max_length({ max: match[1]! });
      if ((match = text.match(/between (\d+) and (\d+)/))) return m.errors_count({ min: match[1]!, max: match[2]! });
      if ((match = text.match(/exactly (\d+)/))) return m.errors_count({ min: match[1]!, max: match[1]! });
      if (/whole number|integer/.test(text)) return m.errors_number();
      if (/email/.test(text)) return m.errors_email();
      if (error.details.field === 'message') return m.errors_message_length();
      return m.errors_invalid();
    case 'unauthenticated':
      return m.errors_unauthenticated();
    case 'forbidden':
      if (error.details.membership === 'pending') return m.errors_membership_pending();
      if (error.details.membership === 'rejected' || error.details.membership === 'disabled') return m.errors_membership_ended();
      if (error.details.membership === 'unverified_email') return m.errors_email_unverified();
      return /email/i.test(text) ? m.errors_email_unverified() : m.errors_forbidden();
    case 'not_found':
      return m.errors_not_found();
    case 'conflict':
    case 'precondition_failed':
      return m.errors_conflict();
    case 'too_many_requests':
      return m.errors_too_many();
    case 'service_unavailable':
      return m.errors_unavailable();
    default:
      return m.error_generic();
  }
}

/** For form actions: `catch (e) { return formFailure(e, values) }` → fail(status, { message, field, fieldErrors, values }). */
export function formFailure<V extends Record<string, unknown>>(error: unknown, values?: V): ActionFailure<FormFailure & { values?: V }> {
  if (!(error instanceof DomainError)) throw error;
  const message = localizeDomainError(error);
  const field = typeof error.details.field === 'string' ? error.details.field : null;
  const fieldErrors: Record<string, string> = field ? { [field]: message } : {};
  // Several fields refused at once: each gets its own message.
  const all = Array.isArray(error.details.errors) ? (error.details.errors as Array<{ field: string; message: string }>) : [];
  for (const each of all) fieldErrors[each.field] = localizeDomainError(new InvalidInput(each.field, each.message));
  return fail(error.status, { message: all.length > 1 ? m.form_errors_count({ count: String(all.length) }) : message, field, fieldErrors, values });
}

/** For loads: a domain refusal becomes SvelteKit's error page with the right status. */
export function pageError(error: unknown): never {
  if (error instanceof DomainError) kitError(error.status, localizeDomainError(error));
  throw error;
}
