import type { Handle } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { textDirection } from '$lib/i18n';

/**
 * Locale rule: the URL prefix decides (`/en/…`, `/es/…`), French is unprefixed. Paraglide's middleware reads it,
 * hands SvelteKit the unprefixed request (see `reroute` in src/hooks.ts) and makes `getLocale()` and every `m.*`
 * message answer in that locale for the rest of the request. Arabic pages get `dir="rtl"`.
 */
export const localeHandle: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    event.locals.locale = locale;
    return resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%dir%', textDirection(locale)),
    });
  });
