/**
 * Domain errors carry what the person (or API client) needs to understand a refusal. The API turns them into
 * RFC 9457 problem documents, the pages into form messages.
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

export class InvalidInput extends DomainError {
  constructor(field: string, message: string, extra: Record<string, unknown> = {}) {
    super(400, 'invalid_input', message, { field, ...extra });
  }
}
export class Unauthenticated extends DomainError {
  constructor(message = 'You must be signed in to do this.') {
    super(401, 'unauthenticated', message);
  }
}
export class Forbidden extends DomainError {
  constructor(message: string) {
    super(403, 'forbidden', message);
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
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(429, 'too_many_requests', message, { retryAfterSeconds });
  }
}
export class ServiceUnavailable extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(503, 'service_unavailable', message, details);
  }
}
