import { describe, expect, it } from 'vitest';
import { href, locales } from '$lib/i18n';
import { localizeHref } from '$lib/paraglide/runtime';

/** Paraglide's answer, with the trailing-slash rule `href` adds. */
const reference = (path: string, locale: (typeof locales)[number]) =>
  localizeHref(path, { locale }).replace(/^(\/[a-z]{2})\/(?=$|[?#])/, '$1');

// Every shape of link the pages write (plain paths, ids, queries, fragments, already-prefixed paths from
// page.url for the language switcher), and shapes the URL parser rewrites (which must take Paraglide's path).
const PATHS = [
  '/',
  '/recherche',
  '/recherche?q=eau&country=SN&country=MA&page=2',
  '/recherche?q=eau+potable#filtres',
  '/demandes/3f2c1a9e-7d44-4c1b-9d0e-2b1f0c8a6e11',
  '/en',
  '/en/',
  '/en/recherche?q=water',
  '/es/recherche',
  '/ar/pays/SN',
  '/uk',
  '/EN/recherche',
  '/fr/recherche',
  '/english/recherche',
  '/enx',
  '/pt-BR/recherche',
  '/recherche?q=%C3%A9cole',
  '/recherche?q=é cole',
  "/recherche?q=l'eau",
  '/recherche/../admin',
  '/./recherche',
  '/en/..',
  '//evil.example/recherche',
  '/recherche\\..\\admin',
  '/a/./b',
  '/plan-du-site.xml',
  '/recherche?',
  '/recherche#',
  '/alertes?q=eau&sort=newest#x',
  '/echanges/42?message=en-attente',
];

describe('href: localized links', () => {
  for (const locale of locales) {
    it(`gives the same link as Paraglide's localizeHref, in ${locale}`, () => {
      for (const path of PATHS) expect(href(path, locale), `${path} → ${locale}`).toBe(reference(path, locale));
    });
  }

  it('prefixes every locale but French, and strips a prefix when going back to French', () => {
    expect(href('/recherche?q=eau', 'en')).toBe('/en/recherche?q=eau');
    expect(href('/en/recherche?q=water', 'fr')).toBe('/recherche?q=water');
    expect(href('/en/recherche', 'ar')).toBe('/ar/recherche');
    expect(href('/', 'uk')).toBe('/uk');
  });
});
