import { InvalidInput } from '../errors.js';

/**
 * The one reading of a web address typed by a person, for the API and the pages alike (an authority's website):
 * `www.popayan.gov.co` becomes `https://www.popayan.gov.co`, anything but http(s) — `javascript:`, `data:`, `ftp:` —
 * is refused on its field, and what is stored is the normalised absolute URL, so that a page can always render it as
 * a link to another site (never a relative link, never a script).
 */
const MAX_LENGTH = 300;
/** A scheme, but not `host:port` (`localhost:8080`, `www.x.org:443`). */
const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d)/i;

export const WEB_ADDRESS_REASON = 'web_address';

const refuse = (field: string) =>
  new InvalidInput(field, 'Enter a web address starting with http:// or https://, like https://www.example.org.', {
    reason: 'web_address',
  });

/** The normalised https?:// address, null for an empty value; InvalidInput naming `field` otherwise. */
export function parseWebAddress(raw: unknown, field: string): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'string') throw refuse(field);
  const text = raw.trim();
  if (text === '') return null;
  // Browsers drop tabs and newlines inside URLs: `java\tscript:` must not slip past the scheme check.
  if (text.length > MAX_LENGTH || /[\s\u0000-\u001f\u007f-\u009f\\<>"`]/u.test(text)) throw refuse(field);
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') throw refuse(field);
  let url: URL;
  try {
    url = new URL(scheme ? text : `https://${text.replace(/^\/+/, '')}`);
  } catch {
    throw refuse(field);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) throw refuse(field);
  // A site has a dotted name (or an IPv6 literal); `https://javascript` or `https://intranet` is a typo.
  const host = url.hostname;
  if (!host.startsWith('[') && (!/^[a-z0-9.-]+$/i.test(host) || !/[a-z0-9-]\.[a-z0-9-]{2,}\.?$/i.test(host)))
    throw refuse(field);
  const href = url.href;
  return url.pathname === '/' && !url.search && !url.hash ? href.slice(0, -1) : href;
}

/** For stored values of unknown quality (before this parser existed): the normalised address, or null. */
export function normalisedWebAddressOrNull(raw: string | null | undefined): string | null {
  try {
    return parseWebAddress(raw, 'website');
  } catch {
    return null;
  }
}
