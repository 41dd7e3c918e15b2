import type { Handle } from '@sveltejs/kit';
import { authenticate } from '../auth/authenticate.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../auth/session.js';
import { getServices } from '../runtime/services.js';

/** Pages see the same session as the API: `locals.actor` is the signed-in person or null. */
export const authenticateHandle: Handle = async ({ event, resolve }) => {
  const { db, config } = getServices();
  const token = event.cookies.get(SESSION_COOKIE);
  const result = await authenticate(db, token);
  event.locals.actor = result?.actor ?? null;
  if (token && !result) event.cookies.delete(SESSION_COOKIE, { path: '/' });
  // The cookie is rewritten only when the session window moved (at most hourly), not on every page.
  if (token && result?.renewed)
    event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(config.origin, result.expiresAt));
  return resolve(event);
};
