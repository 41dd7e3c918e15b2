import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { getLocale, m } from '$lib/i18n';
import { countryName, findTheme, WATER_AGENCIES } from '$lib/reference';
import { describeSupport } from '$lib/server/views/cofinancing-view';
import { frenchFactsOf } from '$lib/server/cofinancing/paths';
import { supportFor } from '$lib/server/cofinancing/support';
import { authorities } from '$lib/server/db/schema';
import { isUuid } from '$lib/server/ids';
import { confirmedPartnershipsOf } from '$lib/server/partnerships/presence';
import { getServices } from '$lib/server/runtime/services';
import type { PageServerLoad } from './$types';

/** A French authority's public page: its confirmed partnerships by country, its published interests, who helps it. */
export const load: PageServerLoad = async ({ params }) => {
  if (!isUuid(params.id)) error(404, m.error_not_found());
  const { db } = getServices();
  const [authority] = await db
    .select({
      id: authorities.id,
      name: authorities.name,
      type: authorities.type,
      kind: authorities.kind,
      region: authorities.region,
      population: authorities.population,
      themes: authorities.themes,
    })
    .from(authorities)
    .where(eq(authorities.id, params.id));
  if (!authority || authority.kind !== 'french') error(404, m.error_not_found());
  const locale = getLocale();
  const [partnerships, facts, support] = await Promise.all([
    confirmedPartnershipsOf(db, authority.id),
    frenchFactsOf(db, authority.id),
    supportFor(db, authority.region),
  ]);
  const byCountry = new Map<string, string[]>();
  for (const p of partnerships) byCountry.set(p.country, [...(byCountry.get(p.country) ?? []), p.foreignName]);
  return {
    authority: {
      id: authority.id,
      name: authority.name,
      type: authority.type,
      region: authority.region,
      population: authority.population,
      departement: facts?.departement ?? null,
    },
    interests: authority.themes.map((t) => findTheme(t)?.name[locale] ?? t),
    countries: [...byCountry]
      .map(([code, partners]) => ({ code, name: countryName(code, locale), partners }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
    partnershipCount: partnerships.length,
    waterAgency: facts?.basin ? { ...WATER_AGENCIES[facts.basin], shared: facts.basinShared } : null,
    support: describeSupport(authority.region, support),
  };
};
