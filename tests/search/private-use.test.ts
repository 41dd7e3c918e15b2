import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markTerms } from '../../src/lib/server/search/snippet.js';
import { markedToHtml } from '../../src/lib/server/search/highlight.js';
import { searchPostgres } from '../../src/lib/server/search/pg-search.js';
import { parseSearchQuery } from '../../src/lib/server/search/search-query.js';
import { createAuthority, insertListing } from '../helpers/fixtures.js';
import { createTestServices, type TestContext } from '../helpers/services.js';

// Our highlight markers are private-use characters (U+E000, U+E001): an author typing them must not get a <mark>.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestServices();
});
afterAll(async () => {
  await ctx?.cleanup();
});

describe('private-use characters typed by an author', () => {
  it('never become <mark> in degraded (PostgreSQL) search', async () => {
    const authority = await createAuthority(ctx.services, { kind: 'foreign', country: 'SN' });
    await insertListing(ctx.services, {
      authorityId: authority.id,
      country: 'SN',
      title: 'Forage \uE000ARNAQUE\uE001 et eau potable \uF8FF',
      summary: 'Réseau d’eau \uE000cliquez ici\uE001 pour les quartiers.',
    });
    const result = await searchPostgres(ctx.services.sql, parseSearchQuery({ q: 'eau' }));
    expect(result.hits).toHaveLength(1);
    const { title, summary } = result.hits[0]!.highlight;
    expect(title).toContain('<mark>eau</mark>');
    expect(title).not.toContain('<mark>ARNAQUE');
    expect(summary).not.toContain('<mark>cliquez');
    expect(title + summary).not.toMatch(/[\uE000-\uF8FF]/);
  });

  it('are stripped before marking', () => {
    expect(markedToHtml(markTerms('\uE000faux\uE001 eau \uE001', ['eau']))).toBe('faux <mark>eau</mark> ');
  });
});
