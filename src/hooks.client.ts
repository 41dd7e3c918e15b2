import type { ClientInit } from '@sveltejs/kit';
import { loadLocaleMessages } from 'virtual:paraglide-locale-dictionaries';
import { getLocale } from '$lib/paraglide/runtime';

/** A page in another language than French needs its locale's texts before it hydrates (vite-paraglide-locale-split). */
export const init: ClientInit = async () => {
  await loadLocaleMessages(getLocale());
};
