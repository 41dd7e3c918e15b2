import { IMPORT_LIMITS } from '../partnerships/import/limits.js';

/**
 * How large a page's form post may be. SvelteKit's adapter has one limit for every page (BODY_SIZE_LIMIT), which
 * must admit the admin's partnership import (files up to IMPORT_LIMITS.maxBytes, refused on their field beyond
 * that); every other form carries a few KB of text, so anything over 512 KB there is refused before it is read.
 */
export const PAGE_BODY_LIMIT_BYTES = 512 * 1024;

/** The adapter's limit: the import's largest file plus room for the form's other fields and multipart framing. */
export const UPLOAD_BODY_LIMIT_BYTES = IMPORT_LIMITS.maxBytes + 1024 * 1024;

/** The page that uploads (any language prefix, optional trailing slash); its sub-pages post small forms. */
const UPLOAD_PAGE = /^(?:\/[a-z]{2})?\/admin\/import-partenariats\/?$/;

/** The body limit of a page request on `path` (normalised: decoded, lower-cased, see routed-path.ts). */
export function pageBodyLimit(path: string): number {
  return UPLOAD_PAGE.test(path) ? UPLOAD_BODY_LIMIT_BYTES : PAGE_BODY_LIMIT_BYTES;
}
