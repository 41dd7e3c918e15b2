import { todayInFrance } from '../cofinancing/catalogue.js';
import { programmeFitsListing } from '../cofinancing/search-facet.js';
import { COUNTRIES, findCountry, POPULATION_BRACKETS, populationBracket } from '../../reference/index.js';
import type { Sql } from '../db/index.js';
import type postgres from 'postgres';
import type { ListingText } from '../db/schema/index.js';
import { SEARCHABLE_STATUSES } from '../listings/visibility.js';
import { translatedHeadlines } from './document.js';
import { markedToHtml } from './highlight.js';
import { emptyFacets, toHit } from './meili-search.js';
import type { SearchResult } from './result.js';
import type { SearchQuery } from './search-query.js';
import { FACETS, MAX_TOTAL_HITS, type Facet } from './settings.js';
import { activeFacets } from './filter.js';
import { markTerms, queryTerms } from './snippet.js';

interface Row {
  id: string;
  title: string;
  summary: string;
  country: string;
  themes: string[];
  forms: string[];
  original_language: string;
  exchange_languages: string[];
  translations: Record<string, Partial<ListingText>> | null;
  published_epoch: number | null;
  authority_name: string;
  authority_type: string;
  region: string | null;
  population: number | null;
}

/**
 * The same search answered by Postgres full-text search (unaccented, 'simple' and 'french' configurations, see
 * migration 0001) for when Meilisearch is down or slow. Same filters and response shape; no typo tolerance nor
 * cross-language synonyms, which is why the result says `degraded`.
 */
export async function searchPostgres(sql: Sql, query: SearchQuery): Promise<SearchResult> {
  const vector = (cfg: 'simple' | 'french') =>
    sql`public.listing_search_vector(${sql.unsafe(`'${cfg}'::regconfig`)}, l.title, l.summary, l.context, l.difficulties, l.objectives, l.expected_from_france, l.translations)`;
  const tsquery = (cfg: 'simple' | 'french') =>
    sql`websearch_to_tsquery(${sql.unsafe(`'${cfg}'::regconfig`)}, public.immutable_unaccent(${query.q}))`;
  const continentCountries = query.continent
    ? COUNTRIES.filter((c) => c.continent === query.continent).map((c) => c.code)
    : [];
  const bracket = POPULATION_BRACKETS.find((b) => b.code === query.population);
  // Evaluated live from the catalogue (the index holds it as evaluated at the request's last sync).
  const fits = programmeFitsListing(sql, todayInFrance());

  // One condition per facet (true when the search does not filter by it): the hits need them all, each facet's
  // counts every one but its own (disjunctive faceting, as Meilisearch answers it).
  const byFacet: Record<Facet, postgres.Fragment | null> = {
    country: query.countries.length ? sql`l.country = any(${query.countries}::text[])` : null,
    continent: query.continent ? sql`l.country = any(${continentCountries}::text[])` : null,
    themes: query.themes.length ? sql`l.themes && ${query.themes}::text[]` : null,
    forms: query.form ? sql`${query.form} = any(l.forms)` : null,
    authorityType: query.authorityType ? sql`a.type = ${query.authorityType}` : null,
    populationBracket: bracket
      ? sql`a.population >= ${bracket.min} ${bracket.max === null ? sql`` : sql`and a.population <= ${bracket.max}`}`
      : null,
    languages: query.language
      ? sql`(l.original_language = ${query.language} or ${query.language} = any(l.exchange_languages))`
      : null,
    cofinancing: query.cofinancing.length
      ? sql`exists (select 1 from cofinancing_programmes p where p.slug = any(${query.cofinancing}::text[]) and ${fits})`
      : null,
  };
  const active = activeFacets(query);
  const flag = (facet: Facet) => sql.unsafe(`f_${FACETS.indexOf(facet)}`);
  const allBut = (except?: Facet) =>
    active.filter((f) => f !== except).reduce((all, f) => sql`${all} and ${flag(f)}`, sql`true`);
  const matchesWords = query.q
    ? sql`(${vector('simple')} @@ ${tsquery('simple')} or ${vector('french')} @@ ${tsquery('french')}
      or public.immutable_unaccent(a.name) ilike '%' || public.immutable_unaccent(${query.q}) || '%')`
    : sql`true`;
  const where = sql`l.status::text = any(${[...SEARCHABLE_STATUSES]}::text[]) and ${matchesWords}
    ${active.map((f) => sql`and ${byFacet[f]!}`).reduce((all, next) => sql`${all} ${next}`, sql``)}`;

  const order = {
    relevance: query.q
      ? sql`ts_rank(${vector('french')}, ${tsquery('french')}) + ts_rank(${vector('simple')}, ${tsquery('simple')}) desc, l.published_at desc nulls last`
      : sql`l.published_at desc nulls last`,
    newest: sql`l.published_at desc nulls last`,
    population_asc: sql`a.population asc nulls last`,
    population_desc: sql`a.population desc nulls last`,
  }[query.sort];

  const bracketCase = sql`case ${POPULATION_BRACKETS.map(
    (b) =>
      sql`when a.population >= ${b.min} ${b.max === null ? sql`` : sql`and a.population <= ${b.max}`} then ${b.code}`,
  ).reduce((all, next) => sql`${all} ${next}`)} end`;

  // A fallback search that takes longer than this helps nobody and holds a connection others need.
  const [rows, facetRows] = await sql.begin(async (tx) => {
    await tx`set local statement_timeout = 3000`;
    return Promise.all([
      tx<Row[]>`
      select l.id, l.title, l.summary, l.country, l.themes, l.forms, l.original_language, l.exchange_languages, l.translations,
             floor(extract(epoch from l.published_at))::float8 as published_epoch,
             a.name as authority_name, a.type as authority_type, a.region, a.population
        from listings l join authorities a on a.id = l.authority_id
       where ${where}
       order by ${order}, l.id
       limit ${query.hitsPerPage} offset ${(query.page - 1) * query.hitsPerPage}`,
      tx<Array<{ facet: string; value: string | null; count: number }>>`
      with matched as (
        select l.country, l.themes, l.forms, a.type, ${bracketCase} as bracket,
               array(select distinct unnest(array[l.original_language] || l.exchange_languages)) as languages,
               array(select p.slug from cofinancing_programmes p where ${fits}) as cofinancing
               ${active.map((f) => sql`, ${byFacet[f]!} as ${flag(f)}`).reduce((all, next) => sql`${all} ${next}`, sql``)}
          from listings l join authorities a on a.id = l.authority_id
         where l.status::text = any(${[...SEARCHABLE_STATUSES]}::text[]) and ${matchesWords})
      select 'total' as facet, null as value, count(*)::int as count from matched where ${allBut()}
      ${active
        .map(
          (f) =>
            sql`union all select ${sql.unsafe(`'without:${f}'`)}, null, count(*)::int from matched where ${allBut(f)}`,
        )
        .reduce((all, next) => sql`${all} ${next}`, sql``)}
      union all select 'country', country, count(*)::int from matched where ${allBut('country')} group by country
      union all select 'continent', country, count(*)::int from matched where ${allBut('continent')} group by country
      union all select 'themes', t, count(*)::int from matched, unnest(themes) t where ${allBut('themes')} group by t
      union all select 'forms', f, count(*)::int from matched, unnest(forms) f where ${allBut('forms')} group by f
      union all select 'authorityType', type, count(*)::int from matched where ${allBut('authorityType')} group by type
      union all select 'populationBracket', bracket, count(*)::int from matched where bracket is not null and ${allBut('populationBracket')} group by bracket
      union all select 'languages', lang, count(*)::int from matched, unnest(languages) lang where ${allBut('languages')} group by lang
      union all select 'cofinancing', c, count(*)::int from matched, unnest(cofinancing) c where ${allBut('cofinancing')} group by c`,
    ]);
  });

  const facets = emptyFacets();
  const totalWithout: Partial<Record<Facet, number>> = {};
  let matched = 0;
  for (const { facet, value, count } of facetRows) {
    if (facet === 'total') matched = count;
    else if (facet.startsWith('without:'))
      totalWithout[facet.slice('without:'.length) as Facet] = Math.min(MAX_TOTAL_HITS, count);
    else if (value === null) continue;
    else if (facet === 'continent') {
      // Counted by country, summed up by continent here (the continents live in the reference data, not the database).
      const continent = findCountry(value)?.continent;
      if (continent) facets.continent[continent] = (facets.continent[continent] ?? 0) + count;
    } else (facets[facet as Facet] ??= {})[value] = count;
  }
  const total = Math.min(MAX_TOTAL_HITS, matched);
  const terms = queryTerms(query.q);
  return {
    hits: rows.map((r) => {
      const hit = toHit({
        id: r.id,
        title: r.title,
        summary: r.summary,
        country: r.country,
        continent: findCountry(r.country)?.continent ?? null,
        themes: r.themes,
        forms: r.forms,
        authorityName: r.authority_name,
        authorityType: r.authority_type,
        region: r.region,
        population: r.population,
        populationBracket: populationBracket(r.population),
        originalLanguage: r.original_language,
        languages: [...new Set([r.original_language, ...r.exchange_languages])],
        publishedAt: r.published_epoch,
        translatedHeadlines: translatedHeadlines(r.translations),
      });
      return {
        ...hit,
        highlight: {
          title: markedToHtml(markTerms(r.title, terms)),
          summary: markedToHtml(markTerms(r.summary, terms, 40)),
        },
      };
    }),
    facets,
    total,
    totalWithout,
    page: query.page,
    hitsPerPage: query.hitsPerPage,
    totalPages: Math.ceil(total / query.hitsPerPage),
    degraded: true,
  };
}
