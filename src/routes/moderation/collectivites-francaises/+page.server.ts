import { localizeDomainError, pageError } from '$lib/i18n/form-error.server';
import { FRENCH_AUTHORITY_TYPES } from '$lib/reference/authorities';
import { searchFrenchAuthorities } from '$lib/server/authorities/french-search';
import { InvalidInput } from '$lib/server/errors';
import { getServices } from '$lib/server/runtime/services';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

/**
 * Staff search of French authorities (the layout already admits correspondents and admins only; the service checks
 * again). A GET form: the query lives in the URL, so a search is a link and works without JavaScript. A refused
 * field (too long, control characters) is said on that field, in the reader's language.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const query = {
    q: url.searchParams.get('q') ?? '',
    departement: url.searchParams.get('departement') ?? '',
    region: url.searchParams.get('region') ?? '',
  };
  const page = Number(url.searchParams.get('page') ?? '1');
  const asked = Object.values(query).some((v) => v.trim() !== '');
  const empty = { query, asked, fieldErrors: {} as Record<string, string>, hits: [], total: 0, page: 1, pages: 1 };
  if (!asked) return empty;
  try {
    const result = await searchFrenchAuthorities(
      getServices().db,
      locals.actor,
      { ...query, page: Number.isInteger(page) ? page : 1 },
      PAGE_SIZE,
    );
    return {
      ...empty,
      total: result.total,
      page: result.page,
      pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
      hits: result.hits.map((h) => ({
        ...h,
        type: FRENCH_AUTHORITY_TYPES.find((t) => t.code === h.type)?.name[locals.locale] ?? h.type,
        // Régions carry a "REG-" key, not an official code anyone reads.
        officialCode: h.officialCode?.startsWith('REG-') ? null : h.officialCode,
      })),
    };
  } catch (error) {
    if (error instanceof InvalidInput) {
      const field = (error.details as { field?: string }).field ?? 'q';
      return { ...empty, fieldErrors: { [field]: localizeDomainError(error) } };
    }
    return pageError(error);
  }
};
