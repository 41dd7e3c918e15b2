import type { Handle } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import { authenticateHandle } from '$lib/server/hooks/authenticate';

/** In `npm run dev` Vite owns the process: make sure the services are up before the first page renders. */
const ensureServices: Handle = async ({ event, resolve }) => {
  if (dev) {
    const { ensureDevServices } = await import('$lib/server/runtime/dev-services');
    await ensureDevServices();
  }
  return resolve(event);
};

const locale: Handle = async ({ event, resolve }) => {
  event.locals.locale = 'fr';
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale) });
};

export const handle = sequence(ensureServices, authenticateHandle, locale);
