import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppProcess } from '../helpers/app-process.js';
import { createAuthority, createUser } from '../helpers/fixtures.js';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp.js';
import { draftBody } from '../listings/world.js';
import {
  call,
  createFaultWorld,
  eventually,
  indexAndPostgres,
  loginOver,
  outboxSize,
  type FaultWorld,
} from './harness.js';

// Two app processes on one PostgreSQL and one Meilisearch, as behind a load balancer: both serve, a session
// opened on one works on the other, one relay feeds the index (the other stands by and takes over), and a
// notification mail is sent once.
let w: FaultWorld;
let smtp: SmtpCapture;
let a: AppProcess;
let b: AppProcess;
const RELAYS = 'this process now relays the search outbox';
const relayLines = (app: AppProcess) =>
  app
    .output()
    .split('\n')
    .filter((l) => l.includes(RELAYS)).length;

beforeAll(async () => {
  w = await createFaultWorld('two');
  smtp = await startSmtpCapture();
  const env = { LOG_LEVEL: 'info', SMTP_URL: smtp.url };
  [a, b] = await Promise.all([w.startApp(env), w.startApp(env)]);
}, 180_000);

afterAll(async () => {
  await w?.close();
  await smtp?.close();
});

async function publish(
  app: AppProcess,
  author: Record<string, string>,
  correspondent: Record<string, string>,
  title: string,
): Promise<string> {
  const created = await call(`${app.url}/api/v1/listings`, {
    method: 'POST',
    headers: author,
    body: draftBody({ title }),
  });
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  expect((await call(`${app.url}/api/v1/listings/${id}/submit`, { method: 'POST', headers: author })).status).toBe(200);
  expect(
    (
      await call(`${app.url}/api/v1/listings/${id}/decision`, {
        method: 'POST',
        headers: correspondent,
        body: { decision: 'approve' },
      })
    ).status,
  ).toBe(200);
  return id;
}

describe('two app processes on the same PostgreSQL and Meilisearch', () => {
  it('both serve the API and the pages', async () => {
    for (const app of [a, b]) {
      expect((await call(`${app.url}/api/health`)).body).toMatchObject({ status: 'ok' });
      const home = await call(`${app.url}/`);
      expect(home.status).toBe(200);
      expect(home.type).toContain('text/html');
    }
  });

  it('a session opened on one instance works on the other, and ends on both', async () => {
    const login = await fetch(`${a.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: w.users.author.email, password: w.users.author.password }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('session='))!
      .split(';')[0]!;
    const viaBearer = await call(`${b.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(viaBearer.status).toBe(200);
    expect(JSON.stringify(viaBearer.body)).toContain(w.users.author.email);
    const viaCookie = await call(`${b.url}/api/v1/me`, { headers: { cookie } });
    expect(viaCookie.status).toBe(200);
    const page = await call(`${b.url}/mes-demandes`, { headers: { cookie } });
    expect(page.status).toBe(200);

    const logout = await call(`${b.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(logout.status).toBeLessThan(300);
    expect((await call(`${a.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('one relay feeds the index; the other stands by, then takes over when the first is killed', async () => {
    const author = await loginOver(a.url, w.users.author.email, w.users.author.password);
    const correspondent = await loginOver(b.url, w.users.correspondent.email, w.users.correspondent.password);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++)
      ids.push(await publish(i % 2 ? b : a, author, correspondent, `Publication alternée ${i}`));
    await eventually(async () => expect(await outboxSize(w.services)).toBe(0));
    expect(relayLines(a) + relayLines(b)).toBe(1);

    // Every change reached Meilisearch once: no more documents sent than outbox rows written (3 per request).
    const tasks = (
      await w.services.meili.tasks.getTasks({
        indexUids: ['fault_listings'],
        types: ['documentAdditionOrUpdate', 'documentDeletion'],
        limit: 1000,
      })
    ).results;
    const sent = tasks.reduce(
      (n, t) =>
        n +
        Number(
          (t.details as { receivedDocuments?: number; providedIds?: number } | undefined)?.receivedDocuments ??
            (t.details as { providedIds?: number })?.providedIds ??
            0,
        ),
      0,
    );
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(sent).toBeLessThanOrEqual(30);
    for (const app of [a, b]) {
      const found = await call(
        `${app.url}/api/v1/search?q=${encodeURIComponent('Publication alternée')}&hitsPerPage=20`,
      );
      expect(found.body.total).toBe(10);
    }

    const [leader, standby] = relayLines(a) ? [a, b] : [b, a];
    leader.child.kill('SIGKILL');
    await leader.exited;
    const more = await publish(standby, author, correspondent, 'Après la bascule');
    await eventually(async () => expect(relayLines(standby)).toBe(1));
    await eventually(async () => expect(await outboxSize(w.services)).toBe(0));
    const { indexed, expected } = await indexAndPostgres(w.services);
    expect(indexed).toEqual(expected);
    expect(indexed.some((d) => d.id === more)).toBe(true);
    if (leader === a) a = await w.startApp({ LOG_LEVEL: 'info', SMTP_URL: smtp.url });
    else b = await w.startApp({ LOG_LEVEL: 'info', SMTP_URL: smtp.url });
  });

  it('a notification mail is sent once, whichever process runs the job', async () => {
    const french = await createAuthority(w.services, {
      kind: 'french',
      country: 'FR',
      name: 'Lannion',
      type: 'commune',
    });
    const frenchUser = await createUser(w.services, { role: 'french_authority', authorityId: french.id });
    const author = await loginOver(a.url, w.users.author.email, w.users.author.password);
    const correspondent = await loginOver(a.url, w.users.correspondent.email, w.users.correspondent.password);
    const listingId = await publish(a, author, correspondent, 'Coopération sur la gestion des déchets');
    const asFrench = await loginOver(b.url, frenchUser.email, frenchUser.password);
    for (const app of [b, a]) {
      const res = await call(`${app.url}/api/v1/conversations`, {
        method: 'POST',
        headers: asFrench,
        body: { listingId, message: `Bonjour depuis ${app === a ? 'A' : 'B'}` },
      });
      expect(res.status, res.text).toBe(201);
    }
    // Two messages → two notification events, each delivered once by whichever process takes its job (or sweep).
    const messageMails = () =>
      smtp.mails.filter(
        (m) => m.to.includes(w.users.author.email.toLowerCase()) && m.subject.startsWith('Nouveau message'),
      );
    await eventually(async () => expect(messageMails()).toHaveLength(2), 90_000);
    // Both processes run the notification jobs and the minute's sweep: leave them time to (wrongly) send again.
    await new Promise((r) => setTimeout(r, 5_000));
    const toAuthor = messageMails();
    expect(toAuthor).toHaveLength(2);
    expect(toAuthor.map((m) => m.text).join('\n')).toMatch(/Bonjour depuis B[\s\S]*|Bonjour depuis A/);
    expect(new Set(toAuthor.map((m) => m.subject)).size).toBe(1);
  }, 120_000);
});
