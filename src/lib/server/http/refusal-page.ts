import { mailLocale, message, type MailLocale } from '../notifications/language.js';

/**
 * The words of requests refused before SvelteKit sees them (server overloaded: 503; form post too large: 413), in
 * the reader's language — the URL's prefix, as for every page (French pages are unprefixed) — and their short HTML
 * page, built once per language: a refusal must cost almost nothing, precisely when the server is busy.
 */
export type Refusal = 'overloaded' | 'too_large';

export function pageLocale(path: string): MailLocale {
  return mailLocale(/^\/([a-z]{2})(?:[/?#]|$)/i.exec(path)?.[1]?.toLowerCase());
}

/** `kilobytes`: the size limit the 413 text names. */
export function refusalText(kind: Refusal, path: string, kilobytes = ''): { title: string; body: string } {
  const locale = pageLocale(path);
  return {
    title: message(`errors_${kind}_title`, {}, locale),
    body: message(`errors_${kind}_body`, { kilobytes }, locale),
  };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function render(locale: MailLocale, { title, body }: { title: string; body: string }): string {
  return (
    `<!doctype html><html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></main></body></html>`
  );
}

/** A handful of pages (two refusals × six languages × the one or two limits): kept once built. */
const pages = new Map<string, string>();

export function refusalPage(kind: Refusal, path: string, kilobytes = ''): string {
  const locale = pageLocale(path);
  const key = `${kind}:${locale}:${kilobytes}`;
  let html = pages.get(key);
  if (html === undefined) {
    html = render(locale, refusalText(kind, path, kilobytes));
    pages.set(key, html);
  }
  return html;
}
