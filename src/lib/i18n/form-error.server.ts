import { fail, type ActionFailure } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { DomainError, InvalidInput, type InputProblem } from '$lib/server/errors';

export interface FormFailure {
  /** The message for the top of the form, in the user's language. */
  message: string;
  /** The field the domain refused (dotted path, e.g. `technicalContact.email`), if any. */
  field: string | null;
  fieldErrors: Record<string, string>;
}

/**
 * A domain refusal in the user's language. The domain writes English for API clients; pages translate by code
 * and reason (`details.reason` and its parameters), never by the English text.
 */
export function localizeDomainError(error: DomainError): string {
  const details = error.details as {
    field?: string;
    reason?: string;
    min?: unknown;
    max?: unknown;
    membership?: string;
  };
  const n = (value: unknown) => String(value);
  switch (error.code) {
    case 'invalid_input':
      if (details.reason === 'web_address') return m.errors_web_address();
      if (details.reason === 'phone') return m.errors_phone();
      if (details.reason === 'country_not_open') return m.errors_country_not_open();
      switch (details.reason) {
        case 'file_too_big':
          return m.import_error_file_too_big({ max: String(Math.round(Number(details.max) / 1024 / 1024)) });
        case 'too_many_rows':
          return m.import_error_too_many_rows({ max: n(details.max) });
        case 'too_many_columns':
          return m.import_error_too_many_columns({ max: n(details.max) });
        case 'empty':
          return m.import_error_empty();
        case 'unreadable':
          return m.import_error_unreadable();
      }
      switch (details.reason) {
        case 'required':
          return m.errors_required();
        case 'min_length':
        case 'too_short':
          return m.errors_min_length({ min: n(details.min) });
        case 'max_length':
        case 'too_long':
          return m.errors_max_length({ max: n(details.max) });
        case 'count':
        case 'range':
          return m.errors_count({ min: n(details.min), max: n(details.max) });
        case 'whole_number':
          return m.errors_number();
        case 'email':
          return m.errors_email();
        case 'control_characters':
          return m.errors_control_characters();
      }
      // A value of the wrong kind in an address field (not text, say) is still a wrong address.
      if (typeof details.field === 'string' && /(^|\.)email$/.test(details.field)) return m.errors_email();
      if (details.field === 'message') return m.errors_message_length();
      return m.errors_invalid();
    case 'unauthenticated':
      return m.errors_unauthenticated();
    case 'forbidden':
      if (details.membership === 'pending') return m.errors_membership_pending();
      if (details.membership === 'rejected' || details.membership === 'disabled') return m.errors_membership_ended();
      if (details.membership === 'unverified_email' || details.reason === 'unverified_email')
        return m.errors_email_unverified();
      return m.errors_forbidden();
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
export function formFailure<V extends Record<string, unknown>>(
  error: unknown,
  values?: V,
): ActionFailure<FormFailure & { values?: V }> {
  if (!(error instanceof DomainError)) throw error;
  const message = localizeDomainError(error);
  const field = typeof error.details.field === 'string' ? error.details.field : null;
  const fieldErrors: Record<string, string> = field ? { [field]: message } : {};
  // Several fields refused at once: each gets its own message.
  const all = Array.isArray(error.details.errors)
    ? (error.details.errors as Array<{ field: string; message: string } & Partial<InputProblem>>)
    : [];
  for (const { field: each, message: text, ...problem } of all)
    fieldErrors[each] = localizeDomainError(new InvalidInput(each, text, problem));
  return fail(error.status, {
    message: all.length > 1 ? m.form_errors_count({ count: String(all.length) }) : message,
    field,
    fieldErrors,
    values,
  });
}

/**
 * For loads (`.catch(pageError)`): the error goes on to the one page error mapping (src/lib/server/hooks/page-errors.ts),
 * which gives a domain refusal its status, its words in the reader's language and, for 429 and 503, Retry-After.
 */
export function pageError(error: unknown): never {
  throw error;
}
