import { getServices } from '$lib/server/runtime/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const { sql } = getServices();
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from listings where status = 'published'`;
  return { openListings: row?.n ?? 0 };
};
