/**
 * Domain errors carry what the person (or API client) needs to understand a refusal. The API turns them into
 * RFC 9457 problem documents, the pages into form messages. The English message is for API clients and logs;
 * pages and mails say it in the reader's language from `code` and `details` (reason and its parameters),
 * never from the message text, so rewording a message changes no page.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { field?: string; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Why an input was refused, with the parameters a translated message needs:
 * `new InvalidInput('title', 'title must have at least 5 characters.', { reason: 'min_length', min: 5 })`.
 * No reason: "this value is not valid".
 */
export type InputProblem =
  | { reason: 'required' }
  | { reason: 'min_length'; min: number }
  | { reason: 'max_length'; max: number }
  /** How many values a list takes. */
  | { reason: 'count'; min: number; max: number }
  /** A number outside its bounds. */
  | { reason: 'range'; min: number; max: number }
  | { reason: 'whole_number' }
  | { reason: 'email' }
  /** Password policy (auth/password-policy.ts). */
  | { reason: 'too_short'; min: number }
  | { reason: 'too_long'; max: number }
  | { reason: 'common' }
  | { reason: 'personal' }
  | { reason: 'current_password' }
  /** Not an http(s) web address (input/web-address.ts). */
  | { reason: 'web_address' }
  /** Not a telephone number (input/phone.ts). */
  | { reason: 'phone' }
  /** A country (or territory) where no foreign authority may register (authorities/registrable-countries.ts). */
  | { reason: 'country_not_open' }
  /** An import file refused as a whole (partnerships/import/parse.ts). */
  | { reason: 'file_too_big'; max: number }
  | { reason: 'too_many_rows'; max: number }
  | { reason: 'too_many_columns'; max: number }
  | { reason: 'empty' }
  | { reason: 'unreadable' }
  /** Tabs, line breaks or other control characters in a one-line search field. */
  | { reason: 'control_characters' };
export type InputReason = InputProblem['reason'];

export class InvalidInput extends DomainError {
  constructor(field: string, message: string, extra: Partial<InputProblem> & Record<string, unknown> = {}) {
    super(400, 'invalid_input', message, { field, ...extra });
  }
}
export class Unauthenticated extends DomainError {
  constructor(message = 'You must be signed in to do this.') {
    super(401, 'unauthenticated', message);
  }
}
export class Forbidden extends DomainError {
  /** `details.reason: 'unverified_email'` when confirming the address would lift the refusal. */
  constructor(message: string, details: { reason?: 'unverified_email'; [key: string]: unknown } = {}) {
    super(403, 'forbidden', message, details);
  }
}
export class NotFound extends DomainError {
  constructor(what: string) {
    super(404, 'not_found', `${what} was not found.`);
  }
}
export class Conflict extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(409, 'conflict', message, details);
  }
}
export class PreconditionFailed extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(412, 'precondition_failed', message, details);
  }
}
/** A write that must say which version it read (If-Match) did not. */
export class PreconditionRequired extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(428, 'precondition_required', message, details);
  }
}
export class TooManyRequests extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'too_many_requests', message, { retryAfterSeconds });
  }
}
export class ServiceUnavailable extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(503, 'service_unavailable', message, details);
  }
}

/** Seconds a client should wait before retrying (Retry-After), for refusals that pass: 429 and 503. */
export function retryAfterOf(error: DomainError): number | null {
  if (error.status !== 429 && error.status !== 503) return null;
  const seconds = Number(error.details.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 5;
}
