/**
 * Is this error "PostgreSQL cannot be reached right now" (down, restarting, refusing connections) rather than a
 * bug? Such requests answer 503 (API: problem+json, pages: a short error page), never 500, and the pool
 * reconnects by itself once the server is back (tests/faults/postgres-restart.test.ts).
 */
const CONNECTION_CODES = new Set([
  // postgres.js
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  // Node sockets
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: too many connections
  '53300',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  let current = error;
  // drizzle wraps the driver's error in `cause`.
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    // SQLSTATE 08xxx: connection exception; 57P0x: server shutting down, crashed or still starting.
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^(08|57P0)/.test(code))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Seconds a client should wait before retrying while the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
