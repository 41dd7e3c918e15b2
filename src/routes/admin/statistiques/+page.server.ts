import { redirect } from '@sveltejs/kit';
import { href } from '$lib/i18n';
import type { PageServerLoad } from './$types';

// Statistics live at /statistiques, shared by the delegation and the correspondents (who see their countries).
export const load: PageServerLoad = () => redirect(308, href('/statistiques'));
