import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moderationEvents, notificationPreferences, users } from '../../src/lib/server/db/schema/index.js';
import { listOutbox, type OutboxMail } from '../../src/lib/server/mail/outbox.js';
import { sendAdminDigests, sendCorrespondentDigests } from '../../src/lib/server/notifications/staff-digests.js';
import { createAuthority, createUser, insertListing } from '../helpers/fixtures.js';
import { createTestServices, type TestContext } from '../helpers/services.js';

// Staff digests: the correspondent's daily queue and the admins' weekly coverage and moderation times, each in the
// reader's language, once per period, never to someone who switched them off.

let ctx: TestContext;
const DAY = 86_400_000;
const now = new Date('2026-12-01T06:00:00Z'); // a Tuesday
type User = Awaited<ReturnType<typeof createUser>>;
let dakar: User; // covers Senegal, reads Spanish
let rabat: User; // covers Morocco, switched the digest off
let idle: User; // covers Tunisia, nothing waits there
let admin: User;
const ids: Record<string, string> = {};

async function staff(role: 'correspondent' | 'admin', email: string, locale: string, countries?: string[]) {
  const user = await createUser(ctx.services, { role, email, countries });
  await ctx.services.db
    .update(users)
    .set({ locale, displayName: email.split('@')[0]! })
    .where(eq(users.id, user.id));
  return user;
}

let seen = 0;
async function newMails(): Promise<OutboxMail[]> {
  const all = (await listOutbox(ctx.services.config, 1000)).reverse();
  const fresh = all.slice(seen);
  seen = all.length;
  return fresh;
}
const to = (mails: OutboxMail[], user: { email: string }) => mails.filter((m) => m.to.includes(user.email));

beforeAll(async () => {
  ctx = await createTestServices();
  dakar = await staff('correspondent', 'dakar@ambassade.example.fr', 'es', ['SN']);
  rabat = await staff('correspondent', 'rabat@ambassade.example.fr', 'fr', ['MA']);
  idle = await staff('correspondent', 'tunis@ambassade.example.fr', 'fr', ['TN']);
  admin = await staff('admin', 'admin@delegation.example.fr', 'fr');
  await ctx.services.db.insert(notificationPreferences).values({ userId: rabat.id, kind: 'queue_digest', mode: 'off' });

  const podor = await createAuthority(ctx.services, { kind: 'foreign', country: 'SN', name: 'Commune de Podor' });
  const fes = await createAuthority(ctx.services, { kind: 'foreign', country: 'MA', name: 'Commune de Fès' });
  const lima = await createAuthority(ctx.services, { kind: 'foreign', country: 'PE', name: 'Municipalidad de Lima' });
  const waiting = (days: number) => ({
    status: 'submitted' as const,
    publishedAt: null,
    submittedAt: new Date(now.getTime() - days * DAY),
  });
  ids.recent = (
    await insertListing(ctx.services, { authorityId: podor.id, country: 'SN', title: 'Forage récent', ...waiting(1) })
  ).id;
  ids.old = (
    await insertListing(ctx.services, { authorityId: podor.id, country: 'SN', title: 'Forage ancien', ...waiting(10) })
  ).id;
  ids.revision = (
    await insertListing(ctx.services, {
      authorityId: podor.id,
      country: 'SN',
      title: 'Marché publié',
      revisionStatus: 'submitted',
      submittedAt: new Date(now.getTime() - 3 * DAY),
    })
  ).id;
  await insertListing(ctx.services, { authorityId: fes.id, country: 'MA', title: 'Médina', ...waiting(2) });
  ids.lima = (
    await insertListing(ctx.services, { authorityId: lima.id, country: 'PE', title: 'Agua para Lima', ...waiting(9) })
  ).id;
  const pending = await createUser(ctx.services, {
    role: 'foreign_authority',
    authorityId: podor.id,
    membership: 'pending',
    email: 'amadou@podor.example.sn',
  });
  await ctx.services.db
    .update(users)
    .set({ displayName: 'Amadou Ba', createdAt: new Date(now.getTime() - 8 * DAY) })
    .where(eq(users.id, pending.id));

  // Moderation times: in Senegal one decision 48 h after its submission, one 6 h after; in Morocco one after 10 days.
  const events = async (listingId: string, submittedHoursAgo: number, decidedHoursAgo: number, action = 'approve') =>
    ctx.services.db.insert(moderationEvents).values([
      { listingId, action: 'submit', createdAt: new Date(now.getTime() - submittedHoursAgo * 3600_000) },
      { listingId, action, createdAt: new Date(now.getTime() - decidedHoursAgo * 3600_000) },
    ]);
  const decidedSn = await insertListing(ctx.services, { authorityId: podor.id, country: 'SN', title: 'Déjà publié' });
  await events(decidedSn.id, 100, 52);
  const decidedSn2 = await insertListing(ctx.services, { authorityId: podor.id, country: 'SN', title: 'Aussi publié' });
  await events(decidedSn2.id, 30, 24, 'request_changes');
  const decidedMa = await insertListing(ctx.services, { authorityId: fes.id, country: 'MA', title: 'Riad' });
  await events(decidedMa.id, 24 * 12, 24 * 2, 'reject');
  // Older than the window: not counted.
  const ancient = await insertListing(ctx.services, { authorityId: fes.id, country: 'MA', title: 'Ancien' });
  await events(ancient.id, 24 * 80, 24 * 70);
  await newMails();
});
afterAll(async () => {
  await ctx?.cleanup();
});

describe('the correspondent’s daily digest', () => {
  it('lists the queue of their countries in their language, oldest first, flags what waits too long, links in /es/', async () => {
    expect(await sendCorrespondentDigests(ctx.services, now)).toBe(1);
    const mails = await newMails();
    const [mail] = to(mails, dakar);
    expect(mail!.subject).toBe('Cola de moderación: 4 elementos esperan su decisión');
    const text = mail!.text;
    expect(text).toContain('Hola, dakar:');
    expect(text).toContain('2 esperan desde hace más de 7 días.');
    expect(text).toContain('Nuevas solicitudes (2)');
    expect(text).toContain(
      '• [En espera desde hace mucho] «Forage ancien», Commune de Podor (Senegal): en espera desde hace 10 días',
    );
    expect(text).toContain('• «Forage récent», Commune de Podor (Senegal): en espera desde hace 1 día');
    // Oldest first.
    expect(text.indexOf('Forage ancien')).toBeLessThan(text.indexOf('Forage récent'));
    expect(text).toContain('Cambios en una solicitud publicada (1)');
    expect(text).toContain('«Marché publié», Commune de Podor (Senegal): cambios en espera desde hace 3 días');
    expect(text).toContain('Cuenta en espera (1)');
    expect(text).toContain('[En espera desde hace mucho] Amadou Ba, Commune de Podor (Senegal)');
    expect(text).toContain(`${ctx.services.config.origin}/es/moderation/${ids.old}`);
    expect(text).toContain(`${ctx.services.config.origin}/es/moderation/comptes`);
    expect(mail!.html).toContain('lang="es"');
    expect(mail!.html).toContain(`href="${ctx.services.config.origin}/es/moderation/${ids.recent}"`);
    // Other countries stay out; the unsubscribe link is there (optional kind).
    expect(text).not.toContain('Médina');
    expect(text).not.toContain('Agua para Lima');
    expect(text).toContain('/notifications/desabonnement/');
    // Switched off: nothing. Nothing waiting: nothing.
    expect(to(mails, rabat)).toHaveLength(0);
    expect(to(mails, idle)).toHaveLength(0);
  });

  it('goes out once a day, however often the job runs; the next day again', async () => {
    expect(await sendCorrespondentDigests(ctx.services, new Date(now.getTime() + 3600_000))).toBe(0);
    expect(await newMails()).toHaveLength(0);
    expect(await sendCorrespondentDigests(ctx.services, new Date(now.getTime() + DAY))).toBe(1);
    expect(to(await newMails(), dakar)).toHaveLength(1);
  });
});

describe('the admins’ weekly digest', () => {
  it('lists the requests waiting in countries no correspondent covers and the moderation times per country', async () => {
    expect(await sendAdminDigests(ctx.services, now)).toBe(1);
    const [mail] = to(await newMails(), admin);
    expect(mail!.subject).toBe('Résumé de la semaine\u00a0: 1 demande en attente dans un pays sans correspondant');
    const text = mail!.text;
    expect(text).toContain(
      '«\u00a0Agua para Lima\u00a0», Municipalidad de Lima (Pérou)\u00a0: en attente depuis 9 jours',
    );
    expect(text).toContain(`${ctx.services.config.origin}/moderation/${ids.lima}`);
    // Covered countries' requests are not listed as uncovered.
    expect(text).not.toContain('Forage ancien');
    expect(text).toContain('Délais de modération par pays (30 derniers jours)');
    // Senegal: 48 h and 6 h → median 27 h, longest 2 days; Morocco: 10 days. The decision of 70 days ago is not counted.
    expect(text).toContain('Sénégal\u00a0: 2 décisions, délai médian 27 heures, le plus long 2 jours');
    expect(text).toContain('Maroc\u00a0: 1 décision, délai médian 10 jours, le plus long 10 jours');
    expect(text).toContain('/admin/correspondants');
  });

  it('goes out once per week; a correspondent covering Peru takes its requests out of the next one', async () => {
    expect(await sendAdminDigests(ctx.services, new Date(now.getTime() + 2 * DAY))).toBe(0);
    await createUser(ctx.services, { role: 'correspondent', countries: ['PE'] });
    expect(await sendAdminDigests(ctx.services, new Date(now.getTime() + 7 * DAY))).toBe(1);
    const [mail] = to(await newMails(), admin);
    expect(mail!.subject).toBe('Résumé de la semaine\u00a0: 0 demande en attente dans un pays sans correspondant');
    expect(mail!.text).toContain('Aucune demande n’attend dans un pays sans correspondant.');
  });

  it('is not sent to an admin who switched it off', async () => {
    await ctx.services.db
      .insert(notificationPreferences)
      .values({ userId: admin.id, kind: 'coverage_digest', mode: 'off' });
    expect(await sendAdminDigests(ctx.services, new Date(now.getTime() + 14 * DAY))).toBe(0);
  });
});
