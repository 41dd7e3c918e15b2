import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureListingsIndex } from '../../src/lib/server/search/ensure-index.js';
import { listingsIndexUid } from '../../src/lib/server/search/index-name.js';
import { searchListings } from '../../src/lib/server/search/search-listings.js';
import { createTestServices, type TestContext } from '../helpers/services.js';

// Searches travel with a key derived from the master key that may only search the listings index.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestServices();
  await ensureListingsIndex(ctx.services.meili, listingsIndexUid(ctx.services.indexPrefix));
});
afterAll(async () => {
  await ctx?.cleanup();
});

describe('the search-only Meilisearch key', () => {
  it('is not the master key, and searches are answered by Meilisearch with it', async () => {
    const { meili, meiliSearch } = ctx.services;
    expect(meiliSearch.config.apiKey).toMatch(/^[0-9a-f]{64}$/);
    expect(meiliSearch.config.apiKey).not.toBe(meili.config.apiKey);
    const result = await searchListings(ctx.services, { q: 'eau' });
    expect(result.degraded).toBe(false);
  });

  it('may not write, read documents of another index, nor manage keys', async () => {
    const { meiliSearch, indexPrefix } = ctx.services;
    const listings = meiliSearch.index(listingsIndexUid(indexPrefix));
    await expect(listings.addDocuments([{ id: 'x' }])).rejects.toMatchObject({ cause: { code: 'invalid_api_key' } });
    await expect(listings.deleteAllDocuments()).rejects.toMatchObject({ cause: { code: 'invalid_api_key' } });
    await expect(meiliSearch.createIndex(`${indexPrefix}other`)).rejects.toMatchObject({
      cause: { code: 'invalid_api_key' },
    });
    await expect(meiliSearch.index(`${indexPrefix}other`).search('x')).rejects.toMatchObject({
      cause: { code: 'invalid_api_key' },
    });
    await expect(meiliSearch.getKeys()).rejects.toMatchObject({ cause: { code: 'invalid_api_key' } });
  });
});
