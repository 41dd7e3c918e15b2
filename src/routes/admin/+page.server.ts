import { getServices } from '$lib/server/runtime/services';
import { readKeyFigures } from '$lib/server/statistics/statistics';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ figures: await readKeyFigures(getServices().sql) });
