import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, draftBody, type World } from './world.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

describe('GET /api/v1/moderation/queue?country=', () => {
  it('keeps only that country, refuses a country outside the perimeter and a malformed code', async () => {
    const senegal = await w.listingIn('submitted');
    const created = await w.call('POST', '/api/v1/listings', w.as.otherAuthor, draftBody());
    const morocco = created.json().id as string;
    await w.call('POST', `/api/v1/listings/${morocco}/submit`, w.as.otherAuthor);

    const all = (await w.call('GET', '/api/v1/moderation/queue', w.as.correspondent)).json();
    expect(all.items.map((i: { listing: { id: string } }) => i.listing.id)).toEqual(
      expect.arrayContaining([senegal, morocco]),
    );
    const onlyMa = (await w.call('GET', '/api/v1/moderation/queue?country=ma', w.as.correspondent)).json();
    expect(onlyMa.items.map((i: { listing: { id: string } }) => i.listing.id)).toEqual([morocco]);
    expect(onlyMa.total).toBe(1);

    expect((await w.call('GET', '/api/v1/moderation/queue?country=VN', w.as.correspondent)).statusCode).toBe(403);
    const bad = await w.call('GET', '/api/v1/moderation/queue?country=S%0AN', w.as.correspondent);
    expect(bad.statusCode).toBe(400);
    expect(
      (await w.call('GET', '/api/v1/moderation/queue?country=SN', w.as.admin))
        .json()
        .items.map((i: { listing: { id: string } }) => i.listing.id),
    ).toContain(senegal);
  });
});
