import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/api/app.js';
import { createAuthority, createUser, login } from '../helpers/fixtures.js';
import { createTestServices, type TestContext } from '../helpers/services.js';

/** A valid new request, in French, with contact data that must never reach the public. */
export function draftBody(overrides: Record<string, unknown> = {}) {
  return {
    originalLanguage: 'fr',
    title: 'Assainissement des quartiers de la commune',
    summary: 'Raccorder 2 000 ménages au réseau et former les agents communaux.',
    themes: ['water_sanitation', 'health'],
    forms: ['thematic_project'],
    contributionTypes: ['expertise', 'training'],
    exchangeLanguages: ['fr'],
    durationMonths: 24,
    budgetEur: 150000,
    electedOfficial: { name: 'Awa Ndiaye', title: 'Maire', email: 'awa.ndiaye@example.sn' },
    technicalContact: { name: 'Moussa Diop', email: 'moussa.diop@example.sn' },
    ...overrides,
  };
}

export type Headers = Record<string, string>;

/**
 * The cast of the listings tests: a verified Senegalese municipality and its author, a second foreign authority
 * (Morocco) and its author, a correspondent for SN, one for VN, an admin, a French commune.
 */
export async function createWorld() {
  const ctx: TestContext = await createTestServices();
  const app: FastifyInstance = await createServer(ctx.services);
  const s = ctx.services;
  const senegal = await createAuthority(s, { kind: 'foreign', country: 'SN', name: 'Commune de Ziguinchor' });
  const morocco = await createAuthority(s, { kind: 'foreign', country: 'MA', name: 'Commune de Chefchaouen' });
  const unverified = await createAuthority(s, {
    kind: 'foreign',
    country: 'SN',
    name: 'Commune de Podor',
    verifiedAt: null,
  });
  const french = await createAuthority(s, { kind: 'french', country: 'FR', name: 'Lannion', type: 'commune' });
  const users = {
    author: await createUser(s, { role: 'foreign_authority', authorityId: senegal.id }),
    otherAuthor: await createUser(s, { role: 'foreign_authority', authorityId: morocco.id }),
    unverifiedAuthor: await createUser(s, { role: 'foreign_authority', authorityId: unverified.id }),
    correspondent: await createUser(s, { role: 'correspondent', countries: ['SN', 'MA'] }),
    otherCorrespondent: await createUser(s, { role: 'correspondent', countries: ['VN'] }),
    secondCorrespondent: await createUser(s, { role: 'correspondent', countries: ['SN'] }),
    admin: await createUser(s, { role: 'admin' }),
    french: await createUser(s, { role: 'french_authority', authorityId: french.id }),
  };
  const as = {} as Record<keyof typeof users, Headers> & { anonymous: Headers };
  for (const [key, user] of Object.entries(users)) as[key as keyof typeof users] = await login(app, user.email);
  as.anonymous = {};

  async function call(method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: unknown) {
    return app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  }

  /** Creates a draft as the Senegalese author and walks it to the requested state through the API. */
  async function listingIn(
    state: 'draft' | 'submitted' | 'published' | 'changes_requested' | 'rejected' | 'in_discussion' | 'matched',
    body = draftBody(),
  ) {
    const created = await call('POST', '/api/v1/listings', as.author, body);
    if (created.statusCode !== 201) throw new Error(`create failed: ${created.body}`);
    const id = created.json().id as string;
    const step = async (url: string, who: Headers, payload?: unknown) => {
      const res = await call('POST', `/api/v1/listings/${id}${url}`, who, payload);
      if (res.statusCode !== 200) throw new Error(`${url} failed: ${res.statusCode} ${res.body}`);
    };
    if (state === 'draft') return id;
    await step('/submit', as.author);
    if (state === 'submitted') return id;
    if (state === 'changes_requested')
      return (
        await step('/decision', as.correspondent, { decision: 'request_changes', comment: 'Précisez le budget.' }),
        id
      );
    if (state === 'rejected')
      return (await step('/decision', as.correspondent, { decision: 'reject', comment: 'Hors champ.' }), id);
    await step('/decision', as.correspondent, { decision: 'approve' });
    if (state === 'published') return id;
    await step('/transition', as.author, { to: 'in_discussion' });
    if (state === 'in_discussion') return id;
    await step('/transition', as.author, { to: 'matched' });
    return id;
  }

  return {
    ctx,
    app,
    authorities: { senegal, morocco, unverified, french },
    users,
    as,
    call,
    listingIn,
    async close() {
      await app.close();
      await ctx.cleanup();
    },
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;
