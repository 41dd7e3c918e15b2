import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/api/app.js';
import { loadActor } from '../../src/lib/server/auth/actor.js';
import { acceptInvitation, inviteStaff } from '../../src/lib/server/auth/invitations.js';
import { register } from '../../src/lib/server/auth/registration.js';
import { announceJoinRequest, decideMembership } from '../../src/lib/server/trust/membership.js';
import { listings, notices, users } from '../../src/lib/server/db/schema/index.js';
import { sendExpiryReminders } from '../../src/lib/server/freshness/reminders.js';
import { expireDueListings } from '../../src/lib/server/listings/lifecycle.js';
import { listOutbox, type OutboxMail } from '../../src/lib/server/mail/outbox.js';
import { notify } from '../../src/lib/server/notifications/events.js';
import { processPending, sendNoticeDigests } from '../../src/lib/server/notifications/process.js';
import { confirmPartnership, declarePartnership, endPartnership } from '../../src/lib/server/partnerships/declare.js';
import { sendUnansweredReminders } from '../../src/lib/server/conversations/notifications.js';
import { expressInterest } from '../../src/lib/server/conversations/conversations.js';
import { conversations } from '../../src/lib/server/db/schema/index.js';
import { createAuthority, createUser, insertListing, login } from '../helpers/fixtures.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { draftBody } from '../listings/world.js';

// Each kind of event: who is told (notice + mail), in which language, and where the link leads (with the locale
// prefix of the reader's language, so a Spanish mail opens Spanish pages).

let ctx: TestContext;
let app: FastifyInstance;
const DAY = 86_400_000;
type User = Awaited<ReturnType<typeof createUser>>;
let popayan: { id: string };
let lima: { id: string };
let lannion: { id: string };
let author: User; // Spanish-speaking author in Popayán (Colombia)
let colleague: User; // a second approved member of Popayán, reading English
let correspondent: User; // covers Colombia, reads French
let admin: User; // no one covers Peru: the admins are told
let limaAuthor: User;
let frenchMember: User; // Lannion, reads English
const as: Record<string, Record<string, string>> = {};

async function person(
  role: Parameters<typeof createUser>[1]['role'],
  extra: { authorityId?: string; countries?: string[]; locale: string; name: string; email: string },
) {
  const user = await createUser(ctx.services, {
    role,
    authorityId: extra.authorityId ?? null,
    countries: extra.countries,
    email: extra.email,
  });
  await ctx.services.db
    .update(users)
    .set({ locale: extra.locale, displayName: extra.name })
    .where(eq(users.id, user.id));
  return { ...user, locale: extra.locale, displayName: extra.name };
}

/** Delivers what is pending and returns the mails that left since `before` (oldest first). */
let seen = 0;
async function newMails(): Promise<OutboxMail[]> {
  await processPending(ctx.services);
  const all = (await listOutbox(ctx.services.config, 1000)).reverse();
  const fresh = all.slice(seen);
  seen = all.length;
  return fresh;
}
const to = (mails: OutboxMail[], user: { email: string }) => mails.filter((m) => m.to.includes(user.email));
const noticesOf = async (user: { id: string }) =>
  ctx.services.db.select().from(notices).where(eq(notices.userId, user.id));
const origin = () => ctx.services.config.origin;
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: unknown) =>
  app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
  popayan = await createAuthority(ctx.services, { kind: 'foreign', country: 'CO', name: 'Alcaldía de Popayán' });
  lima = await createAuthority(ctx.services, { kind: 'foreign', country: 'PE', name: 'Municipalidad de Lima' });
  lannion = await createAuthority(ctx.services, {
    kind: 'french',
    country: 'FR',
    name: 'Ville de Lannion',
    officialCode: '22113',
  });
  author = await person('foreign_authority', {
    authorityId: popayan.id,
    locale: 'es',
    name: 'Lucía Gómez',
    email: 'lucia@popayan.example.co',
  });
  colleague = await person('foreign_authority', {
    authorityId: popayan.id,
    locale: 'en',
    name: 'Mark Ruiz',
    email: 'mark@popayan.example.co',
  });
  correspondent = await person('correspondent', {
    countries: ['CO'],
    locale: 'fr',
    name: 'Claire Martin',
    email: 'claire@ambassade.example.fr',
  });
  admin = await person('admin', { locale: 'fr', name: 'Paul Admin', email: 'paul@delegation.example.fr' });
  limaAuthor = await person('foreign_authority', {
    authorityId: lima.id,
    locale: 'es',
    name: 'Rosa Quispe',
    email: 'rosa@lima.example.pe',
  });
  frenchMember = await person('french_authority', {
    authorityId: lannion.id,
    locale: 'en',
    name: 'Anne Le Goff',
    email: 'anne@lannion.example.fr',
  });
  for (const [key, user] of Object.entries({ author, colleague, correspondent, admin, limaAuthor, frenchMember }))
    as[key] = await login(app, user.email);
  await newMails();
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

async function draft(headers = as.author!, title = 'Agua potable para las veredas') {
  const res = await call('POST', '/api/v1/listings', headers, draftBody({ title, originalLanguage: 'es' }));
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe('notifications of a request’s life', () => {
  let id: string;

  it('submitted: the correspondent of the country is told in French, the author gets a receipt in Spanish', async () => {
    id = await draft();
    expect((await call('POST', `/api/v1/listings/${id}/submit`, as.author!)).statusCode).toBe(200);
    const mails = await newMails();
    const [staff] = to(mails, correspondent);
    expect(staff!.subject).toBe('Nouvelle demande à modérer\u00a0: Agua potable para las veredas');
    expect(staff!.text).toContain('Bonjour Claire Martin,');
    expect(staff!.text).toContain(
      'Alcaldía de Popayán (Colombie) a soumis la demande «\u00a0Agua potable para las veredas\u00a0».',
    );
    expect(staff!.text).toContain(`${origin()}/moderation/${id}`);
    const [receipt] = to(mails, author);
    expect(receipt!.subject).toBe('Solicitud enviada: Agua potable para las veredas');
    expect(receipt!.text).toContain('Hola, Lucía Gómez:');
    expect(receipt!.text).toContain(`${origin()}/es/mes-demandes/${id}`);
    expect(receipt!.html).toContain('lang="es"');
    expect(receipt!.html).toContain(`href="${origin()}/es/mes-demandes/${id}"`);
    // The other member reads English; nobody outside Colombia's perimeter hears of it.
    expect(to(mails, colleague)[0]!.subject).toBe('Request sent: Agua potable para las veredas');
    expect(to(mails, admin)).toHaveLength(0);
    expect((await noticesOf(correspondent)).map((n) => n.path)).toEqual([`/moderation/${id}`]);
  });

  it('changes requested: the authors read the comment in their language; the correspondent is not told what they did', async () => {
    await call('POST', `/api/v1/listings/${id}/decision`, as.correspondent!, {
      decision: 'request_changes',
      comment: 'Précisez le budget.',
    });
    const mails = await newMails();
    expect(mails).toHaveLength(2);
    expect(to(mails, colleague)).toHaveLength(1);
    const [mail] = to(mails, author);
    expect(mail!.subject).toBe('Cambios solicitados: Agua potable para las veredas');
    expect(mail!.text).toContain('Comentario:\n> Précisez le budget.');
    expect(mail!.text).toContain(`${origin()}/es/mes-demandes/${id}`);
    expect(to(mails, correspondent)).toHaveLength(0);
  });

  it('approved: the author learns it is published, with a /es/ link that opens the request', async () => {
    const current = await call('GET', `/api/v1/listings/${id}`, as.author!);
    await call(
      'PATCH',
      `/api/v1/listings/${id}`,
      { ...as.author!, 'if-match': current.headers.etag as string },
      { budgetEur: 90000 },
    );
    await call('POST', `/api/v1/listings/${id}/submit`, as.author!);
    await newMails();
    const approved = await call('POST', `/api/v1/listings/${id}/decision`, as.correspondent!, { decision: 'approve' });
    expect(approved.json().status).toBe('published');
    const mails = await newMails();
    const [mail] = to(mails, author);
    expect(mail!.subject).toBe('Solicitud publicada: Agua potable para las veredas');
    expect(mail!.text).toContain('Su solicitud «Agua potable para las veredas» está publicada');
    const link = `${origin()}/es/mes-demandes/${id}`;
    expect(mail!.text).toContain(link);
    const page = await app.inject({ method: 'GET', url: `/api/v1/listings/${id}`, headers: as.author! });
    expect(page.statusCode).toBe(200);
    expect(to(mails, colleague)[0]!.subject).toBe('Request published: Agua potable para las veredas');
  });

  it('revision submitted and approved: staff see "changes to moderate", authors "changes published"', async () => {
    const current = await call('GET', `/api/v1/listings/${id}`, as.author!);
    await call(
      'PATCH',
      `/api/v1/listings/${id}`,
      { ...as.author!, 'if-match': current.headers.etag as string },
      { budgetEur: 80000 },
    );
    await call('POST', `/api/v1/listings/${id}/submit`, as.author!);
    let mails = await newMails();
    expect(to(mails, correspondent)[0]!.subject).toBe('Modifications à modérer\u00a0: Agua potable para las veredas');
    expect(to(mails, author)[0]!.subject).toBe('Cambios enviados: Agua potable para las veredas');
    await call('POST', `/api/v1/listings/${id}/decision`, as.correspondent!, { decision: 'approve' });
    mails = await newMails();
    expect(to(mails, author)[0]!.subject).toBe('Cambios publicados: Agua potable para las veredas');
  });

  it('rejected: with the reason', async () => {
    const other = await draft(as.author, 'Mercado municipal');
    await call('POST', `/api/v1/listings/${other}/submit`, as.author!);
    await newMails();
    await call('POST', `/api/v1/listings/${other}/decision`, as.correspondent!, {
      decision: 'reject',
      comment: 'Hors du champ de la coopération.',
    });
    const [mail] = to(await newMails(), author);
    expect(mail!.subject).toBe('Solicitud no publicada: Mercado municipal');
    expect(mail!.text).toContain('> Hors du champ de la coopération.');
  });

  it('a country no correspondent covers: the admins are told', async () => {
    const peru = await draft(as.limaAuthor, 'Parques para Lima');
    await call('POST', `/api/v1/listings/${peru}/submit`, as.limaAuthor!);
    const mails = await newMails();
    const [mail] = to(mails, admin);
    expect(mail!.subject).toBe('Nouvelle demande à modérer\u00a0: Parques para Lima');
    expect(mail!.text).toContain('(Pérou)');
    expect(to(mails, correspondent)).toHaveLength(0);
  });

  it('expiring (with a one-click reconfirmation link in the reader’s language), reconfirmed, expired', async () => {
    const listing = await insertListing(ctx.services, {
      authorityId: popayan.id,
      country: 'CO',
      title: 'Biblioteca pública',
      expiresAt: new Date(Date.now() + 5 * DAY),
    });
    expect(await sendExpiryReminders(ctx.services)).toBe(1);
    let mails = await newMails();
    const [reminder] = to(mails, author);
    expect(reminder!.subject).toBe('Su solicitud caduca en 5 días: Biblioteca pública');
    expect(reminder!.text).toMatch(new RegExp(`${origin()}/es/demandes/${listing.id}/reconfirmer\\?u=${author.id}&t=`));
    expect(to(mails, colleague)[0]!.subject).toBe('Your request expires in 5 days: Biblioteca pública');

    await call('POST', `/api/v1/listings/${listing.id}/reconfirm`, as.author!);
    mails = await newMails();
    // The colleague hears it; the author who clicked does not get a mail about their own click.
    expect(to(mails, author)).toHaveLength(0);
    expect(to(mails, colleague)[0]!.subject).toBe('Request reconfirmed: Biblioteca pública');

    await ctx.services.db
      .update(listings)
      .set({ expiresAt: new Date(Date.now() - DAY) })
      .where(eq(listings.id, listing.id));
    expect(await expireDueListings(ctx.services.db)).toBe(1);
    mails = await newMails();
    expect(to(mails, author)[0]!.subject).toBe('Solicitud caducada: Biblioteca pública');
  });
});

describe('notifications about accounts', () => {
  it('authority verified: one decision, one sentence for the authority and its first member', async () => {
    const podor = await createAuthority(ctx.services, {
      kind: 'foreign',
      country: 'CO',
      name: 'Alcaldía de Silvia',
      verifiedAt: null,
    });
    const first = await person('foreign_authority', {
      authorityId: podor.id,
      locale: 'es',
      name: 'Jorge Tunubalá',
      email: 'jorge@silvia.example.co',
    });
    await ctx.services.db.update(users).set({ approvedAt: null, membership: 'pending' }).where(eq(users.id, first.id));
    await decideMembership(
      ctx.services,
      (await loadActor(ctx.services.db, correspondent.id, null))!,
      first.id,
      'approve',
    );
    const mails = to(await newMails(), first);
    expect(mails.map((m) => m.subject)).toEqual(['Alcaldía de Silvia está verificada en Bourse-projets']);
    expect(mails[0]!.text).toContain('verificó Alcaldía de Silvia y confirmó su cuenta');
    expect(mails[0]!.text).toContain(`${origin()}/es/mes-demandes`);
    // Account mails always go out: no unsubscribe link, the preferences link is there.
    expect(mails[0]!.text).not.toContain('desabonnement');
    expect(mails[0]!.text).toContain(`${origin()}/es/compte/notifications`);
  });

  it('member approved: the person hears they may act for their authority', async () => {
    const { userId } = await register(ctx.services, {
      kind: 'french',
      authorityId: lannion.id,
      email: 'yann@gmail.example.com',
      displayName: 'Yann Prigent',
      password: 'une phrase de passe assez longue',
      locale: 'fr',
    });
    await ctx.services.db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, userId));
    await newMails();
    await decideMembership(ctx.services, (await loadActor(ctx.services.db, admin.id, null))!, userId, 'approve');
    const approved = (await newMails()).filter((m) => m.to.includes('yann@gmail.example.com'));
    expect(approved.map((m) => m.subject)).toEqual(['Votre compte est confirmé']);
    expect(approved[0]!.text).toContain('Votre compte au nom de Ville de Lannion est confirmé');
    expect(approved[0]!.text).toContain(`${origin()}/compte`);
  });

  it('member rejected: the person concerned is told, in their language', async () => {
    await notify(ctx.services.db, 'member_rejected', { userId: limaAuthor.id }, admin.id);
    const [mail] = to(await newMails(), limaAuthor);
    expect(mail!.subject).toBe('Su cuenta no fue confirmada');
    expect(mail!.text).toContain('Municipalidad de Lima');
    expect(mail!.text).toContain(`${origin()}/es/compte`);
  });

  it('join request: the approved members are asked to vouch, each in their language, with the newcomer’s address', async () => {
    const newcomer = await createUser(ctx.services, {
      role: 'foreign_authority',
      authorityId: popayan.id,
      membership: 'pending',
      email: 'pedro@popayan.example.co',
    });
    expect(await announceJoinRequest(ctx.services, newcomer.id)).toBe(2);
    const mails = await newMails();
    const [ask] = to(mails, author);
    expect(ask!.subject).toBe('Test foreign_authority pide unirse a Alcaldía de Popayán');
    expect(ask!.text).toContain('pedro@popayan.example.co');
    expect(ask!.text).toContain(`${origin()}/es/compte#demandes-adhesion`);
    expect(to(mails, colleague)[0]!.subject).toBe('Test foreign_authority asks to join Alcaldía de Popayán');
    expect(to(mails, newcomer)).toHaveLength(0);
  });

  it('membership ended and registration refused: the person is told with the reason, even once their account is closed', async () => {
    const leaving = await person('foreign_authority', {
      authorityId: lima.id,
      locale: 'es',
      name: 'Jorge Paz',
      email: 'jorge@lima.example.pe',
    });
    await decideMembership(
      ctx.services,
      (await loadActor(ctx.services.db, limaAuthor.id, null))!,
      leaving.id,
      'disable',
      'Ya no trabaja en la municipalidad.',
    );
    const [ended] = to(await newMails(), leaving);
    expect(ended!.subject).toBe('Ya no actúa en nombre de Municipalidad de Lima');
    expect(ended!.text).toContain('> Ya no trabaja en la municipalidad.');
    expect(ended!.text).toContain(`${origin()}/es/compte`);
    expect(ended!.text).not.toContain('desabonnement');

    await ctx.services.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, leaving.id));
    await notify(
      ctx.services.db,
      'account_rejected',
      { userId: leaving.id, comment: 'Dominio desconocido.' },
      admin.id,
    );
    const [refused] = to(await newMails(), leaving);
    expect(refused!.subject).toBe('El registro de Municipalidad de Lima no fue aceptado');
    expect(refused!.text).toContain('> Dominio desconocido.');
  });

  it('invitation accepted: the inviter hears of it', async () => {
    const adminActor = (await loadActor(ctx.services.db, admin.id, null))!;
    const invited = await inviteStaff(ctx.services, adminActor, {
      email: 'nuevo@ambassade.example.fr',
      role: 'correspondent',
      countries: ['PE'],
      locale: 'es',
    });
    expect(invited.mailSent).toBe(true);
    const [invitation] = await newMails();
    // In the invitee's language, naming the countries and the link's life in days, both parts, the subject once.
    expect(invitation!.subject).toBe('Invitación de Paul Admin a Bourse-projets');
    expect(invitation!.text).toContain('como corresponsal de cooperación descentralizada, para: Perú.');
    expect(invitation!.text).toContain('válido 7 días, una sola vez');
    expect(invitation!.text).toContain(`${origin()}/es/invitation/`);
    expect(invitation!.html).toContain('lang="es"');
    expect(invitation!.html).toContain('Crear mi cuenta');
    const token = /\/invitation\/([A-Za-z0-9_-]+)/.exec(invitation!.text)![1]!;
    await acceptInvitation(ctx.services, {
      token,
      displayName: 'Diego Ramos',
      password: 'una frase de paso bastante larga',
      locale: 'es',
    });
    const [mail] = to(await newMails(), admin);
    expect(mail!.subject).toBe('Diego Ramos a accepté votre invitation');
  });
});

describe('notifications between authorities', () => {
  let listingId: string;
  let conversationId: string;

  it('partnership claimed by one side: the other side is told; confirmed: both', async () => {
    const frenchActor = (await loadActor(ctx.services.db, frenchMember.id, null))!;
    const { id } = await declarePartnership(ctx.services, frenchActor, {
      foreignAuthorityId: popayan.id,
      frenchAuthorityId: lannion.id,
    });
    let mails = await newMails();
    expect(to(mails, author)[0]!.subject).toBe('Asociación declarada con Ville de Lannion');
    expect(to(mails, author)[0]!.text).toContain(`${origin()}/es/compte#partenariats`);
    expect(to(mails, frenchMember)).toHaveLength(0);
    await confirmPartnership(ctx.services, (await loadActor(ctx.services.db, author.id, null))!, id);
    mails = await newMails();
    expect(to(mails, colleague)[0]!.subject).toBe('Partnership confirmed with Ville de Lannion');
    expect(to(mails, frenchMember)[0]!.subject).toBe('Partnership confirmed with Alcaldía de Popayán');
    expect(to(mails, author)).toHaveLength(0);

    // Ended by the foreign side, with a reason: the French side is told (in English), the foreign side is not.
    await endPartnership(ctx.services, (await loadActor(ctx.services.db, author.id, null))!, id, 'Convenio terminado.');
    mails = await newMails();
    const [ended] = to(mails, frenchMember);
    expect(ended!.subject).toBe('Partnership withdrawn with Alcaldía de Popayán');
    expect(ended!.text).toContain('was withdrawn or ended by Alcaldía de Popayán.');
    expect(ended!.text).toContain('> Convenio terminado.');
    expect(ended!.text).toContain(`${origin()}/en/compte#partenariats`);
    expect(to(mails, author)).toHaveLength(0);
    expect(to(mails, colleague)).toHaveLength(0);
  });

  it('message received: the other side, in its language, with the conversation link; never the sender’s address', async () => {
    listingId = (
      await insertListing(ctx.services, { authorityId: popayan.id, country: 'CO', title: 'Gestión de residuos' })
    ).id;
    const res = await call('POST', '/api/v1/conversations', as.frenchMember!, {
      listingId,
      message: 'Bonjour, nous gérons une déchetterie.',
    });
    expect(res.statusCode).toBe(201);
    conversationId = res.json().conversationId;
    const mails = await newMails();
    const [mail] = to(mails, author);
    expect(mail!.subject).toBe('Nuevo mensaje: Gestión de residuos');
    expect(mail!.text).toContain('Ville de Lannion le escribió sobre «Gestión de residuos»');
    expect(mail!.text).toContain('> Bonjour, nous gérons une déchetterie.');
    expect(mail!.text).toContain(`${origin()}/es/echanges/${conversationId}`);
    expect(mail!.text).not.toContain('anne@lannion');
    expect(to(mails, frenchMember)).toHaveLength(0);
  });

  it('unanswered for 14 days: the silent side is reminded once (plural by the language)', async () => {
    await ctx.services.db
      .update(conversations)
      .set({ lastMessageAt: new Date(Date.now() - 15 * DAY) })
      .where(eq(conversations.id, conversationId));
    expect(await sendUnansweredReminders(ctx.services)).toBe(1);
    expect(await sendUnansweredReminders(ctx.services)).toBe(0);
    const mails = await newMails();
    expect(to(mails, author)[0]!.subject).toBe(
      'Un mensaje espera su respuesta desde hace 14 días: Gestión de residuos',
    );
    expect(to(mails, frenchMember)).toHaveLength(0);
  });

  it('message to an authority with no active member: the sender is told so, and the correspondent of the country', async () => {
    const empty = await createAuthority(ctx.services, { kind: 'foreign', country: 'CO', name: 'Alcaldía de Timbío' });
    const orphan = await insertListing(ctx.services, {
      authorityId: empty.id,
      country: 'CO',
      title: 'Caminos rurales',
    });
    await call('POST', '/api/v1/conversations', as.frenchMember!, {
      listingId: orphan.id,
      message: 'Bonjour, pouvons-nous échanger ?',
    });
    const mails = await newMails();
    const [sender] = to(mails, frenchMember);
    expect(sender!.subject).toBe('Your message is waiting for a reader: Caminos rurales');
    expect(sender!.text).toContain('Alcaldía de Timbío has no active member');
    const [staff] = to(mails, correspondent);
    expect(staff!.subject).toBe('Message sans destinataire pour Alcaldía de Timbío');
    // The page tells the sender so (not "you will hear back"): the service says the message awaits a member.
    const frenchActor = (await loadActor(ctx.services.db, frenchMember.id, null))!;
    expect(
      (await expressInterest(ctx.services.db, frenchActor, orphan.id, 'Nous restons disponibles.')).awaitingMember,
    ).toBe(true);
    expect(
      (await expressInterest(ctx.services.db, frenchActor, listingId, 'Et notre station d’épuration ?')).awaitingMember,
    ).toBe(false);
    await newMails();
  });
});

describe('preferences', () => {
  it('off: the notice stays, no mail; daily: one digest; one-click unsubscribe turns a kind off; account kinds cannot be turned off', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: as.colleague!,
      payload: { listing_approved: 'off', listing_submitted: 'daily', member_approved: 'off' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      listing_approved: 'off',
      listing_submitted: 'daily',
      member_approved: 'immediate',
    });
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: as.colleague!,
      payload: { listing_approved: 'sometimes' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('listing_approved');

    const id = await draft(as.author, 'Casa de la cultura');
    await call('POST', `/api/v1/listings/${id}/submit`, as.author!);
    await call('POST', `/api/v1/listings/${id}/decision`, as.correspondent!, { decision: 'approve' });
    const mails = await newMails();
    expect(to(mails, colleague)).toHaveLength(0);
    expect(to(mails, author)).toHaveLength(2);
    const list = (await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: as.colleague! })).json();
    expect(list.notices.slice(0, 2).map((n: { text: string }) => n.text)).toEqual([
      'Your request “Casa de la cultura” is published: French local authorities can now find it and write to you.',
      'Your request “Casa de la cultura” has been sent to the cooperation correspondent for your country, who will review it.',
    ]);
    expect(list.unread).toBeGreaterThanOrEqual(2);

    expect(await sendNoticeDigests(ctx.services)).toBe(1);
    expect(await sendNoticeDigests(ctx.services)).toBe(0);
    const [digest] = to(await newMails(), colleague);
    expect(digest!.subject).toBe('1 new notification on Bourse-projets');
    expect(digest!.text).toContain(`${origin()}/en/mes-demandes/${id}`);

    // One click from the mail header (RFC 8058) turns the author's "published" mails off.
    const [lastApproved] = to(mails, author).filter((m) => m.subject.startsWith('Solicitud publicada'));
    const unsubscribe = /\/notifications\/desabonnement\/([0-9a-f-]+)\/(\w+)\/([A-Za-z0-9_-]+)/.exec(
      lastApproved!.text,
    )!;
    expect(unsubscribe[2]).toBe('listing_approved');
    const oneClick = await app.inject({
      method: 'POST',
      url: `/api/v1/notifications/unsubscribe/${unsubscribe[1]}/${unsubscribe[2]}/${unsubscribe[3]}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/notifications/preferences', headers: as.author! })).json()
        .listing_approved,
    ).toBe('off');
    const forged = await app.inject({
      method: 'POST',
      url: `/api/v1/notifications/unsubscribe/${colleague.id}/listing_approved/${unsubscribe[3]}`,
      payload: {},
    });
    expect(forged.statusCode).toBe(400);
  });

  it('marks notices read, only one’s own', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: as.author! })).json();
    expect(before.unread).toBeGreaterThan(0);
    const others = (await noticesOf(correspondent)).map((n) => n.id);
    const stolen = await app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read',
      headers: as.author!,
      payload: { ids: others },
    });
    expect(stolen.json().marked).toBe(0);
    const all = await app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read',
      headers: as.author!,
      payload: { ids: 'all' },
    });
    expect(all.json().marked).toBe(before.unread);
    expect((await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: as.author! })).json().unread).toBe(
      0,
    );
    expect((await app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});
