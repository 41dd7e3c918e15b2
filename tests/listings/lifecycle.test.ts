import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listings, moderationEvents, searchOutbox } from '../../src/lib/server/db/schema/index.js';
import { expireDueListings } from '../../src/lib/server/listings/lifecycle.js';
import { createWorld, draftBody, type World } from './world.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

const get = (id: string, headers = w.as.author) => w.call('GET', `/api/v1/listings/${id}`, headers);
const post = (id: string, path: string, headers: Record<string, string>, body?: unknown) =>
  w.call('POST', `/api/v1/listings/${id}${path}`, headers, body);
const events = async (id: string) =>
  (
    await w.ctx.services.db
      .select()
      .from(moderationEvents)
      .where(eq(moderationEvents.listingId, id))
      .orderBy(moderationEvents.id)
  ).map((e) => [e.action, e.fromStatus, e.toStatus]);
const outboxCount = async (id: string) =>
  Number(
    (
      await w.ctx.services.db
        .select({ n: sql<number>`count(*)` })
        .from(searchOutbox)
        .where(eq(searchOutbox.listingId, id))
    )[0]!.n,
  );

describe('lifecycle of a cooperation request', () => {
  it('draft → submitted → published, each step audited; the search outbox hears of the step that shows it', async () => {
    const created = await w.call('POST', '/api/v1/listings', w.as.author, draftBody());
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/listings/${created.json().id}`);
    expect(created.headers.etag).toBe('"1"');
    const id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', version: 1, country: 'SN' });

    const submitted = await post(id, '/submit', w.as.author);
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 2 });
    expect(submitted.json().submittedAt).toBeTruthy();

    const approved = await post(id, '/decision', w.as.correspondent, { decision: 'approve', comment: 'Bienvenue' });
    expect(approved.statusCode).toBe(200);
    const body = approved.json();
    expect(body.status).toBe('published');
    const months = (Date.parse(body.expiresAt) - Date.parse(body.publishedAt)) / (30.4 * 24 * 3600 * 1000);
    expect(Math.round(months)).toBe(12);

    expect(await events(id)).toEqual([
      ['create', null, 'draft'],
      ['submit', 'draft', 'submitted'],
      ['approve', 'submitted', 'published'],
    ]);
    // Creating and submitting a draft change nothing search shows; publishing does.
    expect(await outboxCount(id)).toBe(1);
    const trail = await w.call('GET', `/api/v1/listings/${id}/events`, w.as.correspondent);
    expect(trail.statusCode).toBe(200);
    expect(trail.json().items[2]).toMatchObject({
      action: 'approve',
      actorRole: 'correspondent',
      comment: 'Bienvenue',
      actorId: w.users.correspondent.id,
    });
  });

  it('submitted → changes_requested → (edited) → submitted again', async () => {
    const id = await w.listingIn('changes_requested');
    const current = await get(id);
    expect(current.json().status).toBe('changes_requested');
    const edited = await w.call(
      'PATCH',
      `/api/v1/listings/${id}`,
      { ...w.as.author, 'if-match': current.headers.etag as string },
      { budgetEur: 90000 },
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.json().budgetEur).toBe(90000);
    expect((await post(id, '/submit', w.as.author)).json().status).toBe('submitted');
    const trail = await events(id);
    expect(trail.map((e) => e[0])).toEqual(['create', 'submit', 'request_changes', 'edit', 'submit']);
    const edit = (await w.call('GET', `/api/v1/listings/${id}/events`, w.as.author)).json().items[3];
    expect(edit.changes).toEqual({ budgetEur: { from: 150000, to: 90000 } });
  });

  it('a request for changes or a rejection needs a comment; a rejection is final', async () => {
    const id = await w.listingIn('submitted');
    const noComment = await post(id, '/decision', w.as.correspondent, { decision: 'reject' });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().field).toBe('comment');
    expect(
      (await post(id, '/decision', w.as.correspondent, { decision: 'reject', comment: 'Hors champ' })).json().status,
    ).toBe('rejected');
    const again = await post(id, '/submit', w.as.author);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ currentStatus: 'rejected' });
    expect(again.json().detail).toContain('rejected');
  });

  it('published → in_discussion → matched → closed, and the refused shortcuts say why', async () => {
    const id = await w.listingIn('published');
    const skip = await post(id, '/transition', w.as.author, { to: 'matched' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().detail).toBe(
      'This request is published: it can only be marked as matched when it is in discussion with a partner.',
    );
    expect(skip.json().currentStatus).toBe('published');
    for (const to of ['in_discussion', 'matched', 'closed']) {
      const res = await post(id, '/transition', w.as.author, { to });
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe(to);
    }
    expect((await events(id)).slice(-3)).toEqual([
      ['start_discussion', 'published', 'in_discussion'],
      ['match', 'in_discussion', 'matched'],
      ['close', 'matched', 'closed'],
    ]);
    // Closed requests stay readable by the public (links never break) but leave the open list.
    expect((await get(id, w.as.anonymous)).statusCode).toBe(200);
  });

  it('published → archived by the author or by a moderator; a draft cannot be archived', async () => {
    const byAuthor = await w.listingIn('published');
    expect(
      (await post(byAuthor, '/archive', w.as.author, { comment: 'Partenaire trouvé ailleurs' })).json().status,
    ).toBe('archived');
    const byModerator = await w.listingIn('in_discussion');
    expect((await post(byModerator, '/archive', w.as.correspondent, {})).json().status).toBe('archived');
    const draft = await w.listingIn('draft');
    const refused = await post(draft, '/archive', w.as.author, {});
    expect(refused.statusCode).toBe(409);
    expect((await get(byAuthor, w.as.anonymous)).statusCode).toBe(404);
  });

  it('expires 12 months after publication unless reconfirmed; reconfirming brings it back', async () => {
    const stale = await w.listingIn('published');
    const fresh = await w.listingIn('published');
    const db = w.ctx.services.db;
    const past = new Date(Date.now() - 24 * 3600 * 1000);
    await db.update(listings).set({ expiresAt: past }).where(eq(listings.id, stale));
    await db.update(listings).set({ expiresAt: past }).where(eq(listings.id, fresh));
    // The author of `fresh` reconfirms in time.
    const reconfirmed = await post(fresh, '/reconfirm', w.as.author);
    expect(reconfirmed.statusCode).toBe(200);
    expect(Date.parse(reconfirmed.json().expiresAt)).toBeGreaterThan(Date.now() + 360 * 24 * 3600 * 1000);

    const before = await outboxCount(stale);
    expect(await expireDueListings(db)).toBeGreaterThanOrEqual(1);
    expect((await get(stale)).json().status).toBe('expired');
    expect((await get(fresh)).json().status).toBe('published');
    expect((await events(stale)).at(-1)).toEqual(['expire', 'published', 'expired']);
    expect(await outboxCount(stale)).toBe(before + 1);
    expect(await expireDueListings(db)).toBe(0);

    const back = await post(stale, '/reconfirm', w.as.author);
    expect(back.json().status).toBe('published');
    expect((await events(stale)).at(-1)).toEqual(['reconfirm', 'expired', 'published']);
  });

  it('a foreign authority gets published only once verified', async () => {
    const created = await w.call('POST', '/api/v1/listings', w.as.unverifiedAuthor, draftBody());
    const id = created.json().id;
    await post(id, '/submit', w.as.unverifiedAuthor);
    const refused = await post(id, '/decision', w.as.correspondent, { decision: 'approve' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('has not been verified');
    const verified = await w.call(
      'POST',
      `/api/v1/authorities/${w.authorities.unverified.id}/verify`,
      w.as.correspondent,
    );
    expect(verified.statusCode).toBe(200);
    expect(verified.json().verified).toBe(true);
    expect((await post(id, '/decision', w.as.correspondent, { decision: 'approve' })).json().status).toBe('published');
  });

  it('editing a published request keeps the public version until the revision is approved', async () => {
    const id = await w.listingIn('published');
    const original = (await get(id)).json();
    const edit = await w.call(
      'PATCH',
      `/api/v1/listings/${id}`,
      { ...w.as.author, 'if-match': `"${original.version}"` },
      { title: 'Assainissement et eau potable des quartiers' },
    );
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ status: 'published', title: original.title, revisionStatus: 'draft' });
    expect(edit.json().revision).toEqual({ title: 'Assainissement et eau potable des quartiers' });
    expect((await get(id, w.as.anonymous)).json().title).toBe(original.title);

    expect((await post(id, '/submit', w.as.author)).json().revisionStatus).toBe('submitted');
    const queue = (await w.call('GET', '/api/v1/moderation/queue', w.as.correspondent)).json().items;
    expect(queue.find((q: { listing: { id: string } }) => q.listing.id === id)).toMatchObject({ kind: 'revision' });

    // Sent back once, then approved: only then does the public see the new title.
    expect(
      (
        await post(id, '/decision', w.as.correspondent, { decision: 'request_changes', comment: 'Ajoutez le budget' })
      ).json().revisionStatus,
    ).toBe('changes_requested');
    const v = (await get(id)).json().version;
    await w.call('PATCH', `/api/v1/listings/${id}`, { ...w.as.author, 'if-match': `"${v}"` }, { budgetEur: 120000 });
    await post(id, '/submit', w.as.author);
    const approved = await post(id, '/decision', w.as.correspondent, { decision: 'approve' });
    expect(approved.json()).toMatchObject({
      status: 'published',
      revision: null,
      revisionStatus: null,
      budgetEur: 120000,
    });
    const pub = (await get(id, w.as.anonymous)).json();
    expect(pub.title).toBe('Assainissement et eau potable des quartiers');
    expect((await events(id)).map((e) => e[0]).slice(-6)).toEqual([
      'edit_revision',
      'submit_revision',
      'request_revision_changes',
      'edit_revision',
      'submit_revision',
      'approve_revision',
    ]);
    const approvedEvent = (await w.call('GET', `/api/v1/listings/${id}/events`, w.as.author)).json().items.at(-1);
    expect(approvedEvent.changes).toMatchObject({
      title: { to: 'Assainissement et eau potable des quartiers' },
      budgetEur: { from: 150000, to: 120000 },
    });
  });

  it('a rejected revision leaves the published version untouched', async () => {
    const id = await w.listingIn('published');
    const v = (await get(id)).json().version;
    await w.call(
      'PATCH',
      `/api/v1/listings/${id}`,
      { ...w.as.author, 'if-match': `"${v}"` },
      { summary: 'Autre chose' },
    );
    await post(id, '/submit', w.as.author);
    const rejected = await post(id, '/decision', w.as.correspondent, { decision: 'reject', comment: 'Non' });
    expect(rejected.json()).toMatchObject({ status: 'published', revision: null, summary: draftBody().summary });
    const nothing = await post(id, '/decision', w.as.correspondent, { decision: 'approve' });
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().detail).toContain('nothing to decide');
  });

  it('lists open requests publicly, paginated and filtered, without contact data', async () => {
    await w.listingIn('published', draftBody({ themes: ['culture_heritage'] }));
    const page = await w.call('GET', '/api/v1/listings?pageSize=2&page=1', w.as.anonymous);
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(2);
    expect(page.json().total).toBeGreaterThan(2);
    expect(page.body).not.toContain('@example.sn');
    const culture = (await w.call('GET', '/api/v1/listings?theme=culture_heritage&country=SN', w.as.anonymous)).json();
    expect(culture.total).toBe(1);
    expect(culture.items[0].themes).toContain('culture_heritage');
    expect((await w.call('GET', '/api/v1/listings?country=MA', w.as.anonymous)).json().total).toBe(0);
    expect((await w.call('GET', '/api/v1/listings?pageSize=101', w.as.anonymous)).statusCode).toBe(400);
  });

  it('lists the author’s own requests in every state', async () => {
    const draft = await w.listingIn('draft');
    const mine = await w.call('GET', '/api/v1/my/listings', w.as.author);
    expect(mine.statusCode).toBe(200);
    const ids = mine.json().items.map((l: { id: string }) => l.id);
    expect(ids).toContain(draft);
    expect(
      mine.json().items.every((l: { authority: { id: string } }) => l.authority.id === w.authorities.senegal.id),
    ).toBe(true);
    expect((await w.call('GET', '/api/v1/my/listings', w.as.correspondent)).statusCode).toBe(403);
    expect((await w.call('GET', '/api/v1/my/listings', w.as.anonymous)).statusCode).toBe(401);
  });

  it('the moderation queue shows the covered countries only, oldest first, with the waiting time', async () => {
    const first = await w.listingIn('submitted');
    const second = await w.listingIn('submitted');
    await w.ctx.services.db
      .update(listings)
      .set({ submittedAt: new Date(Date.now() - 3 * 24 * 3600 * 1000) })
      .where(eq(listings.id, second));
    const queue = (await w.call('GET', '/api/v1/moderation/queue', w.as.correspondent)).json();
    const ids = queue.items.map((q: { listing: { id: string } }) => q.listing.id);
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
    expect(queue.items[ids.indexOf(second)].waitingSeconds).toBeGreaterThanOrEqual(3 * 24 * 3600 - 5);
    expect(queue.items.every((q: { listing: { country: string } }) => ['SN', 'MA'].includes(q.listing.country))).toBe(
      true,
    );
    expect((await w.call('GET', '/api/v1/moderation/queue', w.as.otherCorrespondent)).json().items).toEqual([]);
    expect((await w.call('GET', '/api/v1/moderation/queue', w.as.author)).statusCode).toBe(403);
  });
});
