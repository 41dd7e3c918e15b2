/**
 * Where a page may send someone back to (`?redirectTo=` after sign-in): a path of this site, and nothing a browser
 * could read as another site. The check runs on the URL as the browser will resolve it (WHATWG parsing: tabs and
 * newlines dropped, `\` read as `/`, dot segments resolved) and again on the final, localised Location, so that no
 * later rewriting (the locale prefix) can turn `/en/../\t/evil.example` into `//evil.example`.
 */

/** Control characters, whitespace and backslashes: browsers drop or reinterpret them, a genuine path has none. */
const AMBIGUOUS = /[\u0000-\u0020\u007f-\u009f\\\u2028\u2029\ufeff]/u;
/** Percent-encoded slashes, backslashes and control characters, which a later decoding would turn into the above. */
const ENCODED_AMBIGUOUS = /%(?:2f|5c|[01][0-9a-f]|7f|25)/i;
const MAX_LENGTH = 2048;

/** `raw` as a same-origin path + query (`/recherche?q=eau`), or null when it is anything else. */
export function sameOriginPath(raw: unknown, origin: string): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return null;
  if (AMBIGUOUS.test(raw) || !raw.startsWith('/') || raw.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  const path = url.pathname;
  if (!path.startsWith('/') || path.startsWith('//') || ENCODED_AMBIGUOUS.test(path)) return null;
  return path + url.search;
}

/**
 * The Location to send: `raw` if it is a path of this site, else `fallback`, passed through `localize` (the
 * locale prefix) and checked once more after it.
 */
export function redirectTarget(
  raw: unknown,
  options: { origin: string; fallback: string; localize: (path: string) => string },
): string {
  const { origin, fallback, localize } = options;
  const path = sameOriginPath(raw, origin) ?? fallback;
  return sameOriginPath(localize(path), origin) ?? localize(fallback);
}
