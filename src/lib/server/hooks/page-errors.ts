import type { Handle, HandleServerError } from '@sveltejs/kit';
import { localizeDomainError } from '$lib/i18n/form-error.server';
import { m } from '$lib/paraglide/messages';
import { isDataException } from '../db/data-exception.js';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../db/unavailable.js';
import { DomainError, retryAfterOf } from '../errors.js';
import { PAGE_BODY_LIMIT_BYTES } from '../http/page-body-limit.js';
import { getServices } from '../runtime/services.js';

/**
 * The one error mapping of pages, as `problem-details.ts` is the API's: whatever a load or an action lets escape —
 * a domain refusal (400, 403, 404, 409, 429, 503), PostgreSQL refusing a hand-edited value (22xxx → 400) or being
 * unreachable (503) — becomes an error page with its status and a message in the reader's language, with
 * Retry-After on 429 and 503. Only what is truly unexpected stays a logged 500.
 */
export interface PageErrorMapping {
  status: number;
  message: string;
  retryAfterSeconds: number | null;
}

export function mapPageError(error: unknown): PageErrorMapping | null {
  if (isDatabaseUnavailable(error))
    return { status: 503, message: m.errors_unavailable(), retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS };
  if (error instanceof DomainError) {
    // 401 on a page means "sign in": pages send anonymous visitors there themselves (requireRole); a stray one is 403.
    const status = error.status === 401 ? 403 : error.status === 412 || error.status === 428 ? 409 : error.status;
    return { status, message: localizeDomainError(error), retryAfterSeconds: retryAfterOf(error) };
  }
  if (isDataException(error)) return { status: 400, message: m.errors_invalid(), retryAfterSeconds: null };
  return null;
}

function logPageError(error: unknown, path: string): void {
  try {
    getServices().logger.error({ err: error, path }, 'page error');
  } catch {
    console.error(error);
  }
}

/** The mapping of each request whose page failed, keyed by locals (later hooks hand loads a copy of the event). */
const mapped = new WeakMap<object, PageErrorMapping>();

export const handlePageError: HandleServerError = ({ error, event, status }) => {
  // A streamed form post past its page's limit (the bridge declares the limit as its length; the adapter refuses).
  if (status === 413)
    return { message: m.errors_too_large_body({ kilobytes: String(PAGE_BODY_LIMIT_BYTES / 1024) }), status };
  const mapping = mapPageError(error);
  if (!mapping) {
    // What SvelteKit's default handleError does, through the app's logger when it runs.
    if (status !== 404) logPageError(error, event.url.pathname);
    return undefined;
  }
  if (mapping.status >= 500)
    getServices().logger.warn({ err: error, path: event.url.pathname, status: mapping.status }, 'page unavailable');
  mapped.set(event.locals, mapping);
  return { message: mapping.message, status: mapping.status };
};

const UNAVAILABLE_PAGE =
  '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Service momentanément indisponible</title></head>' +
  '<body><main><h1>Service momentanément indisponible</h1><p>Réessayez dans quelques instants.</p>' +
  '<p lang="en">Service temporarily unavailable: please retry in a few moments.</p></main></body></html>';

/**
 * SvelteKit answers 500 for any error it did not raise itself: give the response the mapped status instead, and
 * the 503 page when PostgreSQL failed in a hook (the session lookup), before any page could render.
 */
export const pageErrorHandle: Handle = async ({ event, resolve }) => {
  let response: Response;
  try {
    response = await resolve(event);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      return new Response(UNAVAILABLE_PAGE, {
        status: 503,
        headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
      });
    }
    throw error;
  }
  const mapping = mapped.get(event.locals);
  // A page answers 500 for the error; its `__data.json` answers 200 with the error inside (client navigation): both
  // get the mapped status, so a client (or a script) over the search limit sees 429 and Retry-After either way.
  if (!mapping || !(response.status === 500 || (event.isDataRequest && response.status === 200))) return response;
  const headers = new Headers(response.headers);
  if (mapping.retryAfterSeconds !== null) headers.set('retry-after', String(mapping.retryAfterSeconds));
  return new Response(response.body, { status: mapping.status, statusText: '', headers });
};
