import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

/** `/en/recherche` and `/es/recherche` render the route `/recherche` (the locale comes from the prefix). */
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
