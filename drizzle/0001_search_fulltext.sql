-- Search fallback: when Meilisearch is down or slow, search answers from PostgreSQL full-text search.
-- Accents are removed before indexing (unaccent) so "senegal" finds "Sénégal"; two configurations are indexed:
-- 'simple' (exact words, any language) and 'french' (stemmed, most requests are in French).
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
--> statement-breakpoint
-- unaccent() is only STABLE (it reads a dictionary chosen by search_path); naming the dictionary makes it safe
-- to declare IMMUTABLE, which index expressions require.
CREATE OR REPLACE FUNCTION public.immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- The weighted text of a listing (title A, summary B, description C, translations D), for one configuration.
CREATE OR REPLACE FUNCTION public.listing_search_vector(
  cfg regconfig, title text, summary text, context text, difficulties text, objectives text, expected text, translations jsonb
) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector(cfg, public.immutable_unaccent(coalesce(title, ''))), 'A')
      || setweight(to_tsvector(cfg, public.immutable_unaccent(coalesce(summary, ''))), 'B')
      || setweight(to_tsvector(cfg, public.immutable_unaccent(concat_ws(' ', context, difficulties, objectives, expected))), 'C')
      || setweight(to_tsvector(cfg, public.immutable_unaccent(coalesce(
           (SELECT string_agg(v #>> '{}', ' ')
              FROM jsonb_path_query(coalesce(translations, '{}'::jsonb), '$.*.*', '{}'::jsonb, true) AS v
             WHERE jsonb_typeof(v) = 'string'), ''))), 'D')
  $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS listings_search_simple_idx ON listings USING gin (
  public.listing_search_vector('simple'::regconfig, title, summary, context, difficulties, objectives, expected_from_france, translations)
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS listings_search_french_idx ON listings USING gin (
  public.listing_search_vector('french'::regconfig, title, summary, context, difficulties, objectives, expected_from_france, translations)
);
