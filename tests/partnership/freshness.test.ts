import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { listings, moderationEvents } from '../../src/lib/server/db/schema/index.js';
import { reconfirmFromLink } from '../../src/lib/server/freshness/reconfirm.js';
import { sendExpiryReminders } from '../../src/lib/server/freshness/reminders.js';
import { expireDueListings } from '../../src/lib/server/listings/lifecycle.js';
import { listOutbox } from '../../src/lib/server/mail/outbox.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, createUser, insertListing } from '../helpers/fixtures.js';

let ctx: TestContext;
let authorityId: string;
const DAY = 86_400_000;

beforeAll(async () => {
  ctx = await createTestServices();
  authorityId = (
    await createAuthority(ctx.services, { kind: 'foreign', country: 'MG', name: 'Commune urbaine de Fianarantsoa' })
  ).id;
  await createUser(ctx.services, { role: 'foreign_authority', authorityId, email: 'sg@fianar.example.mg' });
});
afterAll(async () => ctx?.cleanup());

function linkIn(text: string) {
  const match = /\/demandes\/([0-9a-f-]+)\/reconfirmer\?u=([0-9a-f-]+)&t=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no reconfirmation link in:\n${text}`);
  return { listingId: match[1]!, userId: match[2]!, token: match[3]! };
}

describe('freshness', () => {
  it('reminds 30 then 7 days before expiry, once each, and the mailed link reconfirms for 12 months, once', async () => {
    const listing = await insertListing(ctx.services, {
      authorityId,
      country: 'MG',
      expiresAt: new Date(Date.now() + 20 * DAY),
      publishedAt: new Date(Date.now() - 345 * DAY),
    });
    expect(await sendExpiryReminders(ctx.services)).toBe(1);
    expect(await sendExpiryReminders(ctx.services)).toBe(0);
    await ctx.services.db
      .update(listings)
      .set({ expiresAt: new Date(Date.now() + 5 * DAY) })
      .where(eq(listings.id, listing.id));
    expect(await sendExpiryReminders(ctx.services)).toBe(1);
    const [latest] = await listOutbox(ctx.services.config);
    expect(latest!.to).toContain('sg@fianar.example.mg');
    expect(latest!.subject).toMatch(/5 jours/);

    const link = linkIn(latest!.text);
    const result = await reconfirmFromLink(ctx.services.db, link);
    expect(result.expiresAt.getTime()).toBeGreaterThan(Date.now() + 360 * DAY);
    const [row] = await ctx.services.db.select().from(listings).where(eq(listings.id, listing.id));
    expect(row!.lastConfirmedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const events = await ctx.services.db
      .select()
      .from(moderationEvents)
      .where(eq(moderationEvents.listingId, listing.id));
    expect(events.map((e) => e.action)).toContain('reconfirm');
    // The link served once: the expiry it was signed over has moved.
    await expect(reconfirmFromLink(ctx.services.db, link)).rejects.toMatchObject({ status: 400 });
    await expect(
      reconfirmFromLink(ctx.services.db, { ...link, token: link.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await sendExpiryReminders(ctx.services)).toBe(0);
  });

  it('expires requests 12 months after publication unless reconfirmed, with an audit row', async () => {
    const stale = await insertListing(ctx.services, {
      authorityId,
      country: 'MG',
      expiresAt: new Date(Date.now() - DAY),
    });
    const fresh = await insertListing(ctx.services, {
      authorityId,
      country: 'MG',
      expiresAt: new Date(Date.now() + 100 * DAY),
    });
    expect(await expireDueListings(ctx.services.db)).toBeGreaterThanOrEqual(1);
    const [s] = await ctx.services.db.select().from(listings).where(eq(listings.id, stale.id));
    const [f] = await ctx.services.db.select().from(listings).where(eq(listings.id, fresh.id));
    expect(s!.status).toBe('expired');
    expect(f!.status).toBe('published');
    expect(await expireDueListings(ctx.services.db)).toBe(0);
  });
});
