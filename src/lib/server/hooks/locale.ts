import type { Handle } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { textDirection } from '$lib/i18n';

/**
 * What the response's Link header asks the browser to fetch at once: the stylesheet, which the first paint needs.
 * Not the scripts: pages are server-rendered and work without JavaScript, so hydration can wait for the end of the
 * HTML. Preloaded, the search page's ~20 scripts (most of them message modules of a few hundred bytes) were fetched
 * alongside the stylesheet on a slow line, and Lighthouse's mobile simulation counted them into the first paint on
 * half the runs (performance 93–99 instead of ≥ 95).
 */
const firstPaintOnly = ({ type }: { type: 'font' | 'css' | 'js' | 'asset' }) => type === 'css';

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
      preload: firstPaintOnly,
    });
  });
