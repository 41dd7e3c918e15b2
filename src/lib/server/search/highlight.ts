/**
 * Meilisearch and ts_headline mark matches with these private-use characters; documents never contain them
 * (document.ts strips them). The text is HTML-escaped first, then the markers become <mark>, so a snippet is
 * safe to render as HTML whatever the request's author typed.
 */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function markedToHtml(text: string): string {
  return escapeHtml(text).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}
