import type { Handle, HandleServerError } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import { authenticateHandle } from '$lib/server/hooks/authenticate';
import { localeHandle } from '$lib/server/hooks/locale';
import { localePreferenceHandle } from '$lib/server/hooks/locale-preference';
import { securityHeadersHandle } from '$lib/server/hooks/security-headers';
import { handlePageError, pageErrorHandle } from '$lib/server/hooks/page-errors';

/** In `npm run dev` Vite owns the process: make sure the services are up before the first page renders. */
const ensureServices: Handle = async ({ event, resolve }) => {
  if (dev) {
    const { ensureDevServices } = await import('$lib/server/runtime/dev-services');
    await ensureDevServices();
  }
  return resolve(event);
};

export const handle = sequence(
  ensureServices,
  securityHeadersHandle,
  pageErrorHandle,
  authenticateHandle,
  localePreferenceHandle,
  localeHandle,
);

/** Domain refusals, refused values and an unreachable PostgreSQL get their status (see pageErrorHandle); the rest is a logged 500. */
export const handleError: HandleServerError = (input) => handlePageError(input);
