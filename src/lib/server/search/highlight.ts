/**
 * Meilisearch and ts_headline mark matches with these private-use characters; documents never contain them
 * (document.ts strips them). The text is HTML-escaped first, then the markers become <mark>, so a snippet is
 * safe to render as HTML whatever the request's author typed.
 */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/**
 * Text as it may be indexed or highlighted: without any character of the Private Use Area (U+E000–U+F8FF), where
 * our markers live — an author typing U+E000 must not open a <mark>, whichever search (Meilisearch or PostgreSQL)
 * answers. No real text of the platform's languages uses them.
 */
export function stripPrivateUse<T extends string | null | undefined>(text: T): T {
  return (typeof text === 'string' ? text.replace(/[\uE000-\uF8FF]/g, '') : text) as T;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function markedToHtml(text: string): string {
  return escapeHtml(text).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}
