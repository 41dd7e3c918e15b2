import { describe, expect, it } from 'vitest';
import { redirectTarget, sameOriginPath } from '../../src/lib/server/http/redirect-target.js';
import { localizeHref, overwriteGetLocale } from '../../src/lib/paraglide/runtime.js';

const ORIGIN = 'https://bourse.example.org';

/**
 * Known open-redirect bypasses, each written as it arrives in `redirectTo` (already URL-decoded once by the query
 * string parser). None may leave the site, whatever the page's locale.
 */
const BYPASSES = [
  '//evil.example',
  '//evil.example/phish',
  '///evil.example',
  '////evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '\t//evil.example',
  ' //evil.example',
  '/./\t/evil.example/phish',
  '/./\t\t/evil.example/phish',
  '/en/../\t/evil.example/x',
  '/es/../\t/evil.example/x',
  '/en/..//evil.example/x',
  '/a/../\\evil.example',
  '/%2F%2Fevil.example',
  '/%2fevil.example',
  '/%5Cevil.example',
  '/%5c%5cevil.example',
  '/%09/evil.example',
  '/%252F%252Fevil.example',
  '/en/%2e%2e/%2F/evil.example',
  'https://evil.example',
  'http:evil.example',
  'https:/evil.example',
  '//evil.example@bourse.example.org',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'JaVaScRiPt:alert(1)',
  'evil.example',
  '.evil.example',
  '@evil.example',
  '/\u2028/evil.example',
  '/\u0000/evil.example',
  '/\ufeff/evil.example',
  '/' + 'a'.repeat(5000),
  '',
];

const SAFE = [
  ['/compte', '/compte'],
  ['/recherche?q=eau&country=SN', '/recherche?q=eau&country=SN'],
  ['/moderation/comptes?page=2', '/moderation/comptes?page=2'],
  ['/en/mes-demandes', '/en/mes-demandes'],
  ['/demandes/./abc', '/demandes/abc'],
  ['/recherche#top', '/recherche'],
  // Dot segments that stay on the site resolve to a harmless path of it.
  ['/en/../../evil.example', '/evil.example'],
] as const;

describe('sameOriginPath', () => {
  it.each(BYPASSES.map((b) => [JSON.stringify(b), b]))('refuses %s', (_, raw) => {
    expect(sameOriginPath(raw, ORIGIN)).toBeNull();
  });

  it.each(SAFE)('keeps %s as a path of the site', (raw, expected) => {
    expect(sameOriginPath(raw, ORIGIN)).toBe(expected);
  });

  it('refuses what is not a string', () => {
    for (const raw of [null, undefined, 42, ['/compte'], { toString: () => '/compte' }])
      expect(sameOriginPath(raw, ORIGIN)).toBeNull();
  });
});

describe('redirectTarget (validated, localised, validated again)', () => {
  for (const locale of ['fr', 'en', 'es'] as const) {
    it(`never leaves the site, on a ${locale} page`, () => {
      overwriteGetLocale(() => locale);
      for (const raw of BYPASSES) {
        const location = redirectTarget(raw, { origin: ORIGIN, fallback: '/compte', localize: (p) => localizeHref(p) });
        // As a browser resolves a Location header against the page.
        const resolved = new URL(location, `${ORIGIN}/connexion`);
        expect(resolved.origin, `${JSON.stringify(raw)} → ${location}`).toBe(ORIGIN);
        expect(location.startsWith('/') && !location.startsWith('//') && !location.includes('\\'), location).toBe(true);
        expect(resolved.pathname.replace(/^\/(en|es)(?=\/|$)/, '') || '/').toBe('/compte');
      }
    });
  }

  it('keeps the whole path and query of a genuine page, in the reader’s locale', () => {
    overwriteGetLocale(() => 'en');
    expect(
      redirectTarget('/recherche?q=eau&country=SN', {
        origin: ORIGIN,
        fallback: '/compte',
        localize: (p) => localizeHref(p),
      }),
    ).toBe('/en/recherche?q=eau&country=SN');
    overwriteGetLocale(() => 'fr');
    expect(
      redirectTarget('/en/moderation?page=2', {
        origin: ORIGIN,
        fallback: '/compte',
        localize: (p) => localizeHref(p),
      }),
    ).toBe('/moderation?page=2');
  });
});
