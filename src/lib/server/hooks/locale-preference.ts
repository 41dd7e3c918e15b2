import type { Handle } from '@sveltejs/kit';
import { locales, type Locale } from '$lib/paraglide/runtime';

/** Remembers the language of the last page read (a year); see localePreferenceHandle. */
export const LOCALE_COOKIE = 'lang';
const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The interface language a browser asks for in Accept-Language ("es-CO,es;q=0.9,en;q=0.8" → es), among ours;
 * null when it names none of them.
 */
export function preferredLocale(acceptLanguage: string | null): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { language: tag.trim().toLowerCase().split('-')[0]!, q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return (
    (ranked.find((r) => (locales as readonly string[]).includes(r.language))?.language as Locale | undefined) ?? null
  );
}

const PREFIXED = new RegExp(`^/(${locales.join('|')})(/|$)`);
/** Requests that are not pages people land on. */
const NOT_A_PAGE = /^\/(api|_app|dev|health|favicon|robots\.txt|sitemap)/;

/**
 * The French pages are unprefixed, so a visitor who reads Spanish would land on French. When someone arrives (no
 * link followed from our own pages) on an unprefixed page, the language they chose last time (cookie) or else
 * their browser's (Accept-Language) sends them to that page in their language. Following a link within the site
 * — such as the language switcher's "Français" — never redirects: the page asked for is the page given. Every page
 * read records its language, so the choice is remembered.
 */
export const localePreferenceHandle: Handle = async ({ event, resolve }) => {
  const { request, url, cookies } = event;
  const path = url.pathname;
  const isPageRead =
    request.method === 'GET' && !NOT_A_PAGE.test(path) && (request.headers.get('accept') ?? '').includes('text/html');
  if (!isPageRead) return resolve(event);
  const prefixed = path.match(PREFIXED)?.[1] as Locale | undefined;
  const remembered = cookies.get(LOCALE_COOKIE);
  if (!prefixed) {
    const referrer = request.headers.get('referer');
    const arrivedFromOutside = !referrer || new URL(referrer, url).origin !== url.origin;
    const wanted = (locales as readonly string[]).includes(remembered ?? '')
      ? (remembered as Locale)
      : preferredLocale(request.headers.get('accept-language'));
    if (arrivedFromOutside && wanted && wanted !== 'fr') {
      return new Response(null, {
        status: 303,
        headers: {
          location: `/${wanted}${path === '/' ? '' : path}${url.search}`,
          vary: 'Accept-Language, Cookie, Referer',
        },
      });
    }
  }
  const current = prefixed ?? 'fr';
  if (remembered !== current)
    cookies.set(LOCALE_COOKIE, current, { path: '/', maxAge: YEAR_SECONDS, sameSite: 'lax', httpOnly: true });
  return resolve(event);
};
