import type { Handle, HandleServerError } from '@sveltejs/kit';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../db/unavailable.js';
import { getServices } from '../runtime/services.js';

function logPageError(error: unknown, path: string): void {
  try {
    getServices().logger.error({ err: error, path }, 'page error');
  } catch {
    console.error(error);
  }
}

/** Requests whose page failed because PostgreSQL was unreachable (marked by handleError, read by the handle). */
const unavailable = new WeakSet<object>();

export const handleUnavailableError: HandleServerError = ({ error, event, status }) => {
  if (!isDatabaseUnavailable(error)) {
    // What SvelteKit's default handleError does, through the app's logger when it runs.
    if (status !== 404) logPageError(error, event.url.pathname);
    return undefined;
  }
  // Keyed by locals: later hooks (the locale one) hand load functions a copy of the event, with the same locals.
  unavailable.add(event.locals);
  return { message: 'Service temporarily unavailable' };
};

const page = () =>
  new Response(
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Service momentanément indisponible</title></head>' +
      '<body><main><h1>Service momentanément indisponible</h1><p>Réessayez dans quelques instants.</p></main></body></html>',
    { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) } },
  );

/**
 * While PostgreSQL is unreachable, pages answer 503 (with Retry-After) instead of SvelteKit's 500, whether the
 * failure came from a hook (a session lookup) or from a load function.
 */
export const unavailableHandle: Handle = async ({ event, resolve }) => {
  let response: Response;
  try {
    response = await resolve(event);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return page();
    throw error;
  }
  if (response.status === 500 && unavailable.has(event.locals)) {
    const headers = new Headers(response.headers);
    headers.set('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    return new Response(response.body, { status: 503, headers });
  }
  return response;
};
