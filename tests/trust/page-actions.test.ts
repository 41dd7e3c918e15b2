import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer } from '../../src/api/app.js';
import {
  authorities,
  notificationEvents,
  registrationLog,
  trustEvents,
  users,
} from '../../src/lib/server/db/schema/index.js';
import { startAppProcess, waitForHealth, type AppProcess } from '../helpers/app-process.js';
import { snapshotBuild } from '../helpers/built-app.js';
import { createAuthority, createUser, insertListing, login, TEST_PASSWORD } from '../helpers/fixtures.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { draftBody } from '../listings/world.js';

/**
 * docs/PERMISSIONS.md through the PAGES (the built app, its SvelteKit form actions posted as a browser without
 * JavaScript does): the membership matrix one row per action (the API half is membership-matrix.test.ts), the
 * staff rows of the accounts queues, a flood of 300 registrations worked on /moderation/comptes, the French
 * accounts queue and join requests on /compte.
 */
type State = 'pending' | 'rejected' | 'disabled' | 'unverified' | 'approved';
const STATES: State[] = ['pending', 'rejected', 'disabled', 'unverified', 'approved'];

let ctx: TestContext;
let api: FastifyInstance;
let app: AppProcess;
let build: Awaited<ReturnType<typeof snapshotBuild>> | undefined;
let origin: string;
let lannion: { id: string };
let thies: { id: string };
let conversationId: string;
let openListingId: string;
let secondListingId: string;
let colleagueDraftId: string;
const cookie = {
  french: {} as Record<State, string>,
  foreign: {} as Record<State, string>,
  staff: {} as Record<'correspondentSN' | 'correspondentMA' | 'admin', string>,
};

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${app.url}/connexion`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin },
    body: new URLSearchParams({ email, password: TEST_PASSWORD }).toString(),
  });
  const session = /session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!session) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return session;
}

/** A page as a browser without JavaScript asks for it (GET) or posts one of its forms (POST). */
async function page(
  session: string | null,
  pathname: string,
  form?: Record<string, string | string[]>,
): Promise<{ status: number; location: string; html: string }> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form ?? {}))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  const res = await fetch(`${app.url}${pathname}`, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      accept: 'text/html',
      origin,
      ...(session ? { cookie: `session=${session}` } : {}),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? body.toString() : undefined,
  });
  return { status: res.status, location: res.headers.get('location') ?? '', html: await res.text() };
}

/** ok: the page answered or the action went through (200, or 303 after post/redirect/get); otherwise its status. */
const outcome = (status: number) => (status === 200 || status === 303 ? 'ok' : status);

async function expectOutcomes(
  kind: 'french' | 'foreign',
  send: (session: string, state: State) => Promise<{ status: number }>,
  expected: Record<State, 'ok' | number>,
) {
  const got = {} as Record<State, 'ok' | number>;
  for (const state of STATES) got[state] = outcome((await send(cookie[kind][state], state)).status);
  expect(got).toEqual(expected);
}

const REFUSED_READ = { pending: 403, rejected: 403, disabled: 403, unverified: 'ok', approved: 'ok' } as const;
const REFUSED_WRITE = { pending: 403, rejected: 403, disabled: 403, unverified: 403, approved: 'ok' } as const;
const EVERYONE = { pending: 'ok', rejected: 'ok', disabled: 'ok', unverified: 'ok', approved: 'ok' } as const;

beforeAll(async () => {
  ctx = await createTestServices();
  api = await createServer(ctx.services);
  const s = ctx.services;
  lannion = await createAuthority(s, {
    kind: 'french',
    country: 'FR',
    name: 'Lannion',
    type: 'commune',
    officialCode: '22113',
  });
  thies = await createAuthority(s, { kind: 'foreign', country: 'SN', name: 'Commune de Thiès' });
  openListingId = (await insertListing(s, { authorityId: thies.id, country: 'SN' })).id;
  secondListingId = (await insertListing(s, { authorityId: thies.id, country: 'SN', title: 'Déchets ménagers' })).id;
  const members = { french: {} as Record<State, string>, foreign: {} as Record<State, string> };
  for (const kind of ['french', 'foreign'] as const)
    for (const state of STATES) {
      const user = await createUser(s, {
        role: kind === 'french' ? 'french_authority' : 'foreign_authority',
        authorityId: kind === 'french' ? lannion.id : thies.id,
        membership: state === 'unverified' ? 'approved' : state,
        emailVerified: state !== 'unverified',
        email: `${kind}-${state}@${kind === 'french' ? 'lannion.fr' : 'thies.sn'}`,
      });
      members[kind][state] = user.email;
    }
  const staff = {
    correspondentSN: await createUser(s, { role: 'correspondent', countries: ['SN'] }),
    correspondentMA: await createUser(s, { role: 'correspondent', countries: ['MA'] }),
    admin: await createUser(s, { role: 'admin' }),
  };
  const opened = await api.inject({
    method: 'POST',
    url: '/api/v1/conversations',
    headers: await login(api, members.french.approved),
    payload: { listingId: openListingId, message: 'Bonjour de Lannion.' },
  });
  conversationId = opened.json().conversationId;
  const colleague = await createUser(s, { role: 'foreign_authority', authorityId: thies.id });
  colleagueDraftId = (
    await api.inject({
      method: 'POST',
      url: '/api/v1/listings',
      headers: await login(api, colleague.email),
      payload: draftBody(),
    })
  ).json().id;

  build = await snapshotBuild();
  app = await startAppProcess(
    {
      DATABASE_URL: ctx.databaseUrl,
      MEILI_URL: inject('meiliUrl'),
      MEILI_MASTER_KEY: inject('meiliMasterKey'),
      MEILI_INDEX_PREFIX: ctx.services.indexPrefix,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'bourse-trust-pages-')),
      LOG_LEVEL: 'error',
      AUTH_RATE_LIMIT: '0',
      SEARCH_RATE_LIMIT: '0',
    },
    build.root,
  );
  await waitForHealth(app);
  origin = app.url.replace('127.0.0.1', 'localhost');
  for (const kind of ['french', 'foreign'] as const)
    for (const state of STATES) cookie[kind][state] = await signIn(members[kind][state]);
  for (const [who, person] of Object.entries(staff))
    cookie.staff[who as keyof typeof staff] = await signIn(person.email);
}, 300_000);
afterAll(async () => {
  if (app) {
    app.child.kill('SIGTERM');
    await app.exited;
  }
  build?.remove();
  await api?.close();
  await ctx?.cleanup();
});

describe('French member × membership state, through the pages', () => {
  it('lists the authority’s conversations (/echanges)', async () => {
    await expectOutcomes('french', (c) => page(c, '/echanges'), REFUSED_READ);
  });
  it('reads a conversation of the authority', async () => {
    await expectOutcomes('french', (c) => page(c, `/echanges/${conversationId}`), REFUSED_READ);
  });
  it('writes in a conversation of the authority (reply form)', async () => {
    await expectOutcomes(
      'french',
      (c) => page(c, `/echanges/${conversationId}?/reply`, { message: 'Un message de suivi.' }),
      REFUSED_WRITE,
    );
  });
  it('expresses interest in a request in the authority’s name', async () => {
    await expectOutcomes(
      'french',
      (c) => page(c, `/demandes/${secondListingId}?/interest`, { message: 'Intéressés par les déchets.' }),
      REFUSED_WRITE,
    );
  });
  it('changes the authority’s interests (/suggestions)', async () => {
    await expectOutcomes(
      'french',
      (c) => page(c, '/suggestions?/themes', { themes: 'water_sanitation' }),
      REFUSED_READ,
    );
  });
  it('reads the suggestions made to the authority', async () => {
    await expectOutcomes('french', (c) => page(c, '/suggestions'), REFUSED_READ);
  });
  it('invites a colleague (/compte)', async () => {
    await expectOutcomes(
      'french',
      (c, state) => page(c, '/compte?/invite', { inviteEmail: `collegue-${state}-${Date.now()}@lannion.fr` }),
      REFUSED_WRITE,
    );
  });
  it('approves a colleague’s join request (/compte), and sees the requests only when they may', async () => {
    const applicant = await createUser(ctx.services, {
      role: 'french_authority',
      authorityId: lannion.id,
      membership: 'pending',
      email: 'nouvelle@lannion.fr',
    });
    const seen = {} as Record<State, boolean>;
    for (const state of STATES)
      seen[state] = (await page(cookie.french[state], '/compte')).html.includes('nouvelle@lannion.fr');
    expect(seen).toEqual({ pending: false, rejected: false, disabled: false, unverified: false, approved: true });
    await expectOutcomes('french', (c) => page(c, '/compte?/approve', { userId: applicant.id }), REFUSED_WRITE);
  });
  it('edits their own profile and reads public requests, whatever the state', async () => {
    await expectOutcomes(
      'french',
      (c) =>
        page(c, '/compte?/profile', { displayName: 'Camille Le Goff', jobTitle: 'Chargée de mission', locale: 'fr' }),
      EVERYONE,
    );
    await expectOutcomes('french', (c) => page(c, `/demandes/${openListingId}`), EVERYONE);
  });
});

describe('foreign member × membership state, through the pages', () => {
  const drafts = {} as Record<State, string>;
  it('creates a draft for the authority (a pending member too)', async () => {
    await expectOutcomes(
      'foreign',
      async (c, state) => {
        const res = await page(c, '/mes-demandes/nouvelle', {
          originalLanguage: 'fr',
          title: `Adduction d’eau potable (${state})`,
          summary: 'Raccorder trois quartiers au réseau d’eau potable et former les agents communaux à son entretien.',
          themes: 'water_sanitation',
        });
        const id = /mes-demandes\/([0-9a-f-]{36})\/modifier/.exec(res.location)?.[1];
        if (id) drafts[state] = id;
        return res;
      },
      { pending: 'ok', rejected: 403, disabled: 403, unverified: 'ok', approved: 'ok' },
    );
  });
  it('edits their own draft (step 2 saved)', async () => {
    await expectOutcomes(
      'foreign',
      (c, state) =>
        page(c, `/mes-demandes/${drafts[state] ?? colleagueDraftId}/modifier?/save`, {
          step: '2',
          version: '1',
          context: 'Trois quartiers sans eau courante.',
        }),
      { pending: 'ok', rejected: 404, disabled: 404, unverified: 'ok', approved: 'ok' },
    );
  });
  it('reads a colleague’s draft', async () => {
    await expectOutcomes('foreign', (c) => page(c, `/mes-demandes/${colleagueDraftId}`), {
      pending: 404,
      rejected: 404,
      disabled: 404,
      unverified: 'ok',
      approved: 'ok',
    });
  });
  it('reads and writes the conversations about the authority’s requests', async () => {
    await expectOutcomes('foreign', (c) => page(c, `/echanges/${conversationId}`), REFUSED_READ);
    await expectOutcomes(
      'foreign',
      (c) => page(c, `/echanges/${conversationId}?/reply`, { message: 'Réponse de Thiès.' }),
      REFUSED_WRITE,
    );
  });
});

describe('staff roles × the accounts queues, through the pages', () => {
  it('/moderation/comptes: correspondents of the country and admins; never a member, another country refused', async () => {
    expect((await page(null, '/moderation/comptes')).status).toBe(303);
    expect((await page(cookie.french.approved, '/moderation/comptes')).status).toBe(403);
    expect((await page(cookie.staff.correspondentSN, '/moderation/comptes')).status).toBe(200);
    expect((await page(cookie.staff.correspondentMA, '/moderation/comptes?pays=SN')).status).toBe(403);
    expect((await page(cookie.staff.admin, '/moderation/comptes')).status).toBe(200);
  });
  it('approving a foreign registration from the queue: its country’s correspondent, not another one', async () => {
    const podor = await createAuthority(ctx.services, { kind: 'foreign', country: 'SN', verifiedAt: null });
    const founder = await createUser(ctx.services, {
      role: 'foreign_authority',
      authorityId: podor.id,
      membership: 'pending',
    });
    expect(
      (await page(cookie.staff.correspondentMA, '/moderation/comptes?/approve', { userId: founder.id })).status,
    ).toBe(403);
    expect((await page(cookie.foreign.approved, '/moderation/comptes?/approve', { userId: founder.id })).status).toBe(
      403,
    );
    const done = await page(cookie.staff.correspondentSN, '/moderation/comptes?/approve', { userId: founder.id });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/moderation/comptes?fait=approuve');
  });
  it('/admin/comptes-francais: admins only', async () => {
    expect((await page(cookie.staff.correspondentSN, '/admin/comptes-francais')).status).toBe(403);
    expect((await page(cookie.french.approved, '/admin/comptes-francais')).status).toBe(403);
    expect((await page(cookie.staff.admin, '/admin/comptes-francais')).status).toBe(200);
    const applicant = await createUser(ctx.services, {
      role: 'french_authority',
      authorityId: lannion.id,
      membership: 'pending',
    });
    expect(
      (await page(cookie.staff.correspondentSN, '/admin/comptes-francais?/approve', { userId: applicant.id })).status,
    ).toBe(403);
    // A member of another collectivité cannot approve someone of Lannion from their own account page either.
    const brest = await createAuthority(ctx.services, { kind: 'french', country: 'FR', name: 'Brest' });
    const brestMember = await createUser(ctx.services, { role: 'french_authority', authorityId: brest.id });
    expect((await page(await signIn(brestMember.email), '/compte?/approve', { userId: applicant.id })).status).toBe(
      403,
    );
    expect((await page(cookie.staff.admin, '/admin/comptes-francais?/approve', { userId: applicant.id })).status).toBe(
      303,
    );
  });
});

const events = (kind: string) =>
  ctx.services.db
    .select({ subject: notificationEvents.subject })
    .from(notificationEvents)
    .where(eq(notificationEvents.kind, kind));
/** The page's text as read (tags dropped, spaces collapsed). */
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
const items = (html: string) => html.match(/data-testid="queue-item"/g)?.length ?? 0;

describe('a flood of 300 registrations, worked on /moderation/comptes', () => {
  it('leaves the genuine registration first and workable; shows the anomaly; deletes spam in bulk', async () => {
    const s = ctx.services;
    const bakel = await createAuthority(s, {
      kind: 'foreign',
      country: 'SN',
      name: 'Commune de Bakel',
      verifiedAt: null,
    });
    const genuine = await createUser(s, {
      role: 'foreign_authority',
      authorityId: bakel.id,
      membership: 'pending',
      email: 'maire@bakel.sn',
    });
    await s.db.execute(sql`update users set created_at = now() - interval '2 hours' where id = ${genuine.id}`);
    const spam: string[] = [];
    const spamAuthorities = await s.db
      .insert(authorities)
      .values(
        Array.from({ length: 300 }, (_, i) => ({
          kind: 'foreign' as const,
          type: 'municipality',
          country: 'SN',
          name: `Zzflood ${String(i).padStart(3, '0')}`,
          population: 100,
        })),
      )
      .returning({ id: authorities.id });
    for (const [i, a] of spamAuthorities.entries())
      spam.push(
        (
          await createUser(s, {
            role: 'foreign_authority',
            authorityId: a.id,
            membership: 'pending',
            emailVerified: false,
            email: `flood${i}@mailinator.example`,
          })
        ).id,
      );
    await s.db
      .insert(registrationLog)
      .values(spam.map((_, i) => ({ clientKey: `ip:198.51.100.${i % 250}`, country: 'SN' })));

    const sn = cookie.staff.correspondentSN;
    const first = await page(sn, '/moderation/comptes?pays=SN');
    expect(first.status).toBe(200);
    // Oldest first: the genuine registration opens the list, then 49 of the flood.
    expect(items(first.html)).toBe(50);
    expect(first.html.indexOf('maire@bakel.sn')).toBeGreaterThan(0);
    expect(first.html.indexOf('maire@bakel.sn')).toBeLessThan(first.html.indexOf('flood0@'));
    expect(first.html).toContain('data-testid="anomaly"');
    expect(first.html).toMatch(/Afflux anormal.*300 inscriptions dans la dernière heure pour Sénégal/);
    expect(first.html).toMatch(/Personnes\u00a0: 30[12] · page 1 sur 7/);
    // Complete: the last page holds the end of the flood, no cap.
    const last = await page(sn, '/moderation/comptes?pays=SN&page=7');
    expect(last.html).toContain('flood299@');
    // Filters: the last hour is the flood only; the name finds the genuine one.
    expect((await page(sn, '/moderation/comptes?anciennete=last_hour&pays=SN')).html).not.toContain('maire@bakel.sn');
    const found = await page(sn, '/moderation/comptes?q=bakel');
    expect(items(found.html)).toBe(1);
    // A MA correspondent sees no SN flood alert.
    expect((await page(cookie.staff.correspondentMA, '/moderation/comptes')).html).not.toContain(
      'data-testid="anomaly"',
    );

    // Bulk: 300 ticked, deleted with their authorities, audited one row each.
    for (let from = 0; from < 300; from += 100) {
      const deleted = await page(sn, '/moderation/comptes?pays=SN&page=3&/deleteSpam', {
        userIds: spam.slice(from, from + 100),
      });
      expect(deleted.status).toBe(303);
      expect(deleted.location).toBe('/moderation/comptes?pays=SN&fait=spam&nombre=100&collectivites=100');
    }
    const after = await page(sn, '/moderation/comptes?pays=SN&fait=spam&nombre=100&collectivites=100');
    expect(after.html).toContain('Inscriptions supprimées\u00a0: 100');
    expect(after.html).not.toContain('flood');
    const audited = await s.db
      .select({ n: sql<number>`count(*)::int` })
      .from(trustEvents)
      .where(eq(trustEvents.action, 'registration.delete_spam'));
    expect(audited[0]!.n).toBe(300);
    expect(
      await s.db
        .select()
        .from(authorities)
        .where(
          inArray(
            authorities.id,
            spamAuthorities.map((a) => a.id),
          ),
        ),
    ).toEqual([]);

    // Reject needs a reason (the person is told): refused with a message in French, nothing changed.
    const noReason = await page(sn, '/moderation/comptes?/reject', { userId: genuine.id, reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.html).toContain('fr-error-text');
    // What the person reads on their own account page follows the decision at once (coherent account states).
    const genuineSession = await signIn(genuine.email);
    expect((await page(genuineSession, '/compte')).html).toContain('Vérification en attente');
    // One decision approves the founder and verifies Bakel.
    const approved = await page(sn, '/moderation/comptes?/approve', { userId: genuine.id });
    expect(approved.status).toBe(303);
    const accountAfter = (await page(genuineSession, '/compte')).html;
    expect(accountAfter).toContain('Compte vérifié');
    expect(accountAfter).not.toContain('Vérification en attente');
    const [bakelNow] = await s.db.select().from(authorities).where(eq(authorities.id, bakel.id));
    expect(bakelNow!.verifiedAt).not.toBeNull();
    const [genuineNow] = await s.db.select().from(users).where(eq(users.id, genuine.id));
    expect(genuineNow!.membership).toBe('approved');
    expect((await events('authority_verified')).map((e) => e.subject.authorityId)).toContain(bakel.id);
    expect((await page(sn, '/moderation/comptes?pays=SN')).html).not.toContain('maire@bakel.sn');
  }, 240_000);

  it('rejects with a reason (the person is told) and merges a duplicate from the queue', async () => {
    const s = ctx.services;
    const podor = await createAuthority(s, { kind: 'foreign', country: 'SN', name: 'Commune de Podor' });
    const copy = await createAuthority(s, { kind: 'foreign', country: 'SN', name: 'Podor', verifiedAt: null });
    const dup = await createUser(s, { role: 'foreign_authority', authorityId: copy.id, membership: 'pending' });
    const sn = cookie.staff.correspondentSN;
    const listed = await page(sn, '/moderation/comptes?q=podor');
    expect(listed.html).toContain('Doublon d’une collectivité déjà inscrite');
    expect(listed.html).toContain(`value="${podor.id}"`);
    const merged = await page(sn, '/moderation/comptes?q=podor&/merge', { duplicateId: copy.id, keepId: podor.id });
    expect(merged.status).toBe(303);
    expect(merged.location).toBe('/moderation/comptes?q=podor&fait=fusion');
    const [moved] = await s.db.select().from(users).where(eq(users.id, dup.id));
    expect(moved!.authorityId).toBe(podor.id);
    expect(await s.db.select().from(authorities).where(eq(authorities.id, copy.id))).toEqual([]);

    const rejected = await page(sn, '/moderation/comptes?/reject', {
      userId: dup.id,
      reason: 'Inconnu de la mairie de Podor.',
    });
    expect(rejected.status).toBe(303);
    expect((await events('member_rejected')).map((e) => e.subject)).toContainEqual({
      userId: dup.id,
      comment: 'Inconnu de la mairie de Podor.',
    });
    const refused = await page(sn, '/moderation/comptes?etat=rejected&q=podor');
    expect(refused.html).toContain('Inconnu de la mairie de Podor.');
  });
});

describe('the French accounts queue and join requests, through the pages', () => {
  it('shows the collectivité’s code, département and domains; a recorded domain approves its members at once', async () => {
    const s = ctx.services;
    const perros = await createAuthority(s, {
      kind: 'french',
      country: 'FR',
      name: 'Perros-Guirec',
      type: 'commune',
      officialCode: '22168',
    });
    const onDomain = await createUser(s, {
      role: 'french_authority',
      authorityId: perros.id,
      membership: 'pending',
      email: 'relations.internationales@perros-guirec.bzh',
    });
    const webmail = await createUser(s, {
      role: 'french_authority',
      authorityId: perros.id,
      membership: 'pending',
      email: 'perros.jumelage@gmail.com',
    });
    const admin = cookie.staff.admin;
    const queue = await page(admin, '/admin/comptes-francais?q=perros');
    expect(queue.status).toBe(200);
    expect(items(queue.html)).toBe(2);
    expect(queue.html).toContain('22168');
    expect(textOf(queue.html)).toContain('Département 22 ');
    expect(queue.html).toContain('perros-guirec.bzh');
    expect(textOf(queue.html)).toContain('Domaines connus de la collectivité aucun ');

    const webmailRefused = await page(admin, '/admin/comptes-francais?q=perros&/recordDomain', {
      authorityId: perros.id,
      userId: webmail.id,
      domain: 'gmail.com',
    });
    expect(webmailRefused.status).toBe(400);
    expect(webmailRefused.html).toContain(`id="domain-${webmail.id}-error"`);

    const recorded = await page(admin, '/admin/comptes-francais?q=perros&/recordDomain', {
      authorityId: perros.id,
      userId: onDomain.id,
      domain: 'Perros-Guirec.bzh',
    });
    expect(recorded.status).toBe(303);
    expect(recorded.location).toBe('/admin/comptes-francais?q=perros&fait=domaine&domaine=perros-guirec.bzh&nombre=1');
    const [approvedNow] = await s.db.select().from(users).where(eq(users.id, onDomain.id));
    expect(approvedNow!.membership).toBe('approved');
    const audit = await s.db
      .select()
      .from(trustEvents)
      .where(and(eq(trustEvents.authorityId, perros.id), eq(trustEvents.action, 'authority.record_domain')));
    expect(audit).toHaveLength(1);
    const shown = await page(admin, recorded.location);
    expect(shown.html).toContain('Domaine perros-guirec.bzh enregistré. Personnes approuvées aussitôt\u00a0: 1.');
    expect(items(shown.html)).toBe(1);

    const rejected = await page(admin, '/admin/comptes-francais?/reject', {
      userId: webmail.id,
      reason: 'Adresse personnelle : écrivez-nous depuis l’adresse de la mairie.',
    });
    expect(rejected.status).toBe(303);
    const [rejectedNow] = await s.db.select().from(users).where(eq(users.id, webmail.id));
    expect(rejectedNow!.membership).toBe('rejected');
    expect((await events('member_rejected')).map((e) => e.subject.userId)).toContain(webmail.id);
    expect((await page(admin, '/admin/comptes-francais?etat=rejected&q=perros')).html).toContain(
      'Adresse personnelle : écrivez-nous',
    );
  });

  it('an approved member sees and works the join requests on /compte; the decision is audited and the person told', async () => {
    const s = ctx.services;
    const applicant = await createUser(s, {
      role: 'french_authority',
      authorityId: lannion.id,
      membership: 'pending',
      email: 'stagiaire@lannion.fr',
    });
    const account = await page(cookie.french.approved, '/compte');
    expect(account.html).toContain('id="demandes-adhesion"');
    expect(account.html).toContain('stagiaire@lannion.fr');
    const done = await page(cookie.french.approved, '/compte?/approve', { userId: applicant.id });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/compte?fait=approuve#demandes-adhesion');
    expect((await page(cookie.french.approved, '/compte?fait=approuve')).html).toContain('Adhésion approuvée');
    const audit = await s.db
      .select()
      .from(trustEvents)
      .where(and(eq(trustEvents.subjectUserId, applicant.id), eq(trustEvents.action, 'membership.approve')));
    expect(audit).toHaveLength(1);
    expect((await events('member_approved')).map((e) => e.subject.userId)).toContain(applicant.id);
  });
});
