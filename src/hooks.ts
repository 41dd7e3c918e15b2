import type { Reroute } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { loadLocaleMessages } from 'virtual:paraglide-locale-dictionaries';
import { deLocalizeUrl, extractLocaleFromUrl } from '$lib/paraglide/runtime';

/**
 * `/en/recherche` and `/es/recherche` render the route `/recherche` (the locale comes from the prefix). In the browser,
 * a client-side navigation into another language first loads that language's texts (only the first time; the
 * language switcher reloads the page anyway); on the server this loads nothing.
 */
export const reroute: Reroute = ({ url }) => {
  const pathname = deLocalizeUrl(url).pathname;
  if (!browser) return pathname;
  const locale = extractLocaleFromUrl(url);
  const loading = locale ? loadLocaleMessages(locale) : undefined;
  return loading ? loading.then(() => pathname) : pathname;
};
