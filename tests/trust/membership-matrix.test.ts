import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/api/app.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, createUser, insertListing, login } from '../helpers/fixtures.js';
import { draftBody } from '../listings/world.js';

/**
 * docs/PERMISSIONS.md, "Membership": one test per action, each through every membership state of a French member
 * (of the collectivité in the conversation) and of a foreign member (of the authority that wrote the requests).
 * "unverified" is an approved member whose address is not verified yet.
 */
type State = 'pending' | 'rejected' | 'disabled' | 'unverified' | 'approved';
const STATES: State[] = ['pending', 'rejected', 'disabled', 'unverified', 'approved'];

let ctx: TestContext;
let app: FastifyInstance;
let french: { id: string };
let foreign: { id: string };
let conversationId: string;
let openListingId: string;
let secondListingId: string;
let colleagueDraftId: string;
const as = {
  french: {} as Record<State, Record<string, string>>,
  foreign: {} as Record<State, Record<string, string>>,
};
const ids = { french: {} as Record<State, string>, foreign: {} as Record<State, string> };

async function member(kind: 'french' | 'foreign', state: State) {
  const user = await createUser(ctx.services, {
    role: kind === 'french' ? 'french_authority' : 'foreign_authority',
    authorityId: kind === 'french' ? french.id : foreign.id,
    membership: state === 'unverified' ? 'approved' : state,
    emailVerified: state !== 'unverified',
  });
  as[kind][state] = await login(app, user.email);
  ids[kind][state] = user.id;
}

beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
  french = await createAuthority(ctx.services, {
    kind: 'french',
    country: 'FR',
    name: 'Lannion',
    officialCode: '22113',
  });
  foreign = await createAuthority(ctx.services, { kind: 'foreign', country: 'SN', name: 'Commune de Thiès' });
  openListingId = (await insertListing(ctx.services, { authorityId: foreign.id, country: 'SN' })).id;
  secondListingId = (
    await insertListing(ctx.services, { authorityId: foreign.id, country: 'SN', title: 'Gestion des déchets ménagers' })
  ).id;
  for (const state of STATES) {
    await member('french', state);
    await member('foreign', state);
  }
  const opened = await app.inject({
    method: 'POST',
    url: '/api/v1/conversations',
    headers: as.french.approved,
    payload: { listingId: openListingId, message: 'Bonjour de Lannion.' },
  });
  conversationId = opened.json().conversationId;
  const colleague = await createUser(ctx.services, { role: 'foreign_authority', authorityId: foreign.id });
  const draft = await app.inject({
    method: 'POST',
    url: '/api/v1/listings',
    headers: await login(app, colleague.email),
    payload: draftBody(),
  });
  colleagueDraftId = draft.json().id;
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

type Send = (state: State) => Promise<{ statusCode: number; body: string }>;
const call =
  (
    kind: 'french' | 'foreign',
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string | ((s: State) => string),
    payload?: unknown,
    extra?: (s: State) => Promise<Record<string, string>>,
  ): Send =>
  async (state) =>
    app.inject({
      method,
      url: typeof url === 'string' ? url : url(state),
      headers: { ...as[kind][state], ...(extra ? await extra(state) : {}) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

/** Runs the action as each state (approved last: it may change what the others would see) and compares codes. */
async function expectCodes(send: Send, expected: Record<State, number>) {
  const got = {} as Record<State, number>;
  for (const state of STATES) got[state] = (await send(state)).statusCode;
  expect(got).toEqual(expected);
}

describe('French member × membership state', () => {
  it('lists the authority’s conversations', async () => {
    await expectCodes(call('french', 'GET', '/api/v1/conversations'), {
      pending: 403,
      rejected: 403,
      disabled: 403,
      unverified: 200,
      approved: 200,
    });
  });
  it('reads a conversation of the authority', async () => {
    await expectCodes(
      call('french', 'GET', () => `/api/v1/conversations/${conversationId}`),
      { pending: 403, rejected: 403, disabled: 403, unverified: 200, approved: 200 },
    );
  });
  it('writes in a conversation of the authority', async () => {
    await expectCodes(
      call('french', 'POST', () => `/api/v1/conversations/${conversationId}/messages`, {
        message: 'Un message de suivi.',
      }),
      { pending: 403, rejected: 403, disabled: 403, unverified: 403, approved: 201 },
    );
  });
  it('opens a conversation (expresses interest) in the authority’s name', async () => {
    await expectCodes(
      call('french', 'POST', '/api/v1/conversations', {
        listingId: secondListingId,
        message: 'Intéressés par les déchets.',
      }),
      { pending: 403, rejected: 403, disabled: 403, unverified: 403, approved: 201 },
    );
  });
  it('changes the authority’s interests', async () => {
    await expectCodes(call('french', 'PUT', '/api/v1/recommendations/interests', { themes: ['water_sanitation'] }), {
      pending: 403,
      rejected: 403,
      disabled: 403,
      unverified: 200,
      approved: 200,
    });
  });
  it('reads the suggestions made to the authority', async () => {
    await expectCodes(call('french', 'GET', '/api/v1/recommendations'), {
      pending: 403,
      rejected: 403,
      disabled: 403,
      unverified: 200,
      approved: 200,
    });
  });
  it('declares a partnership in the authority’s name', async () => {
    await expectCodes(
      call('french', 'POST', '/api/v1/partnerships', { foreignAuthorityId: foreign.id, frenchAuthorityId: french.id }),
      { pending: 403, rejected: 403, disabled: 403, unverified: 403, approved: 201 },
    );
  });
  it('invites a colleague', async () => {
    await expectCodes(
      call('french', 'POST', '/api/v1/account/invitations', { email: `collegue-${Date.now()}@example.org` }),
      { pending: 403, rejected: 403, disabled: 403, unverified: 403, approved: 201 },
    );
  });
  it('approves a colleague’s join request', async () => {
    const applicant = await createUser(ctx.services, {
      role: 'french_authority',
      authorityId: french.id,
      membership: 'pending',
    });
    await expectCodes(call('french', 'POST', `/api/v1/users/${applicant.id}/approve`), {
      pending: 403,
      rejected: 403,
      disabled: 403,
      unverified: 403,
      approved: 204,
    });
  });
  it('edits their own profile and reads public requests, whatever the state', async () => {
    await expectCodes(call('french', 'PATCH', '/api/v1/account', { jobTitle: 'Chargé de mission' }), {
      pending: 204,
      rejected: 204,
      disabled: 204,
      unverified: 204,
      approved: 204,
    });
    await expectCodes(
      call('french', 'GET', () => `/api/v1/listings/${openListingId}`),
      { pending: 200, rejected: 200, disabled: 200, unverified: 200, approved: 200 },
    );
  });
});

describe('foreign member × membership state', () => {
  const drafts = {} as Record<State, string>;
  it('creates a draft for the authority (a pending member too)', async () => {
    await expectCodes(
      async (state) => {
        const res = await call('foreign', 'POST', '/api/v1/listings', draftBody())(state);
        if (res.statusCode === 201) drafts[state] = JSON.parse(res.body).id;
        return res;
      },
      { pending: 201, rejected: 403, disabled: 403, unverified: 201, approved: 201 },
    );
  });
  it('edits their own draft', async () => {
    const send: Send = async (state) => {
      const id = drafts[state] ?? colleagueDraftId;
      return call('foreign', 'PATCH', `/api/v1/listings/${id}`, { budgetEur: 90000 }, async () => ({
        'if-match': '"1"',
      }))(state);
    };
    await expectCodes(send, { pending: 200, rejected: 404, disabled: 404, unverified: 200, approved: 200 });
  });
  it('submits their own draft in the authority’s name', async () => {
    const send: Send = async (state) =>
      call('foreign', 'POST', `/api/v1/listings/${drafts[state] ?? colleagueDraftId}/submit`)(state);
    await expectCodes(send, { pending: 403, rejected: 404, disabled: 404, unverified: 403, approved: 200 });
  });
  it('reads a colleague’s draft', async () => {
    await expectCodes(
      call('foreign', 'GET', () => `/api/v1/listings/${colleagueDraftId}`),
      { pending: 404, rejected: 404, disabled: 404, unverified: 200, approved: 200 },
    );
  });
  it('lists the authority’s requests: a pending member sees only their own drafts', async () => {
    const res = await call('foreign', 'GET', '/api/v1/my/listings')('pending');
    expect(res.statusCode).toBe(200);
    const items = JSON.parse(res.body).items as Array<{ id: string }>;
    expect(items.map((i) => i.id)).toEqual([drafts.pending]);
    const approved = JSON.parse((await call('foreign', 'GET', '/api/v1/my/listings')('approved')).body).items as Array<{
      id: string;
    }>;
    expect(approved.map((i) => i.id)).toContain(colleagueDraftId);
  });
  it('reads and writes the conversations about the authority’s requests', async () => {
    await expectCodes(
      call('foreign', 'GET', () => `/api/v1/conversations/${conversationId}`),
      { pending: 403, rejected: 403, disabled: 403, unverified: 200, approved: 200 },
    );
    await expectCodes(
      call('foreign', 'POST', () => `/api/v1/conversations/${conversationId}/messages`, {
        message: 'Réponse de Thiès.',
      }),
      { pending: 403, rejected: 403, disabled: 403, unverified: 403, approved: 201 },
    );
  });
  it('confirms the partnership Lannion declared', async () => {
    const mine = JSON.parse((await call('foreign', 'GET', '/api/v1/partnerships/mine')('approved')).body)
      .items as Array<{ id: string; status: string; canConfirm: boolean }>;
    const claim = mine.find((p) => p.status === 'pending')!;
    expect(claim.canConfirm).toBe(true);
    await expectCodes(call('foreign', 'POST', `/api/v1/partnerships/${claim.id}/confirm`), {
      pending: 403,
      rejected: 403,
      disabled: 403,
      unverified: 403,
      approved: 200,
    });
  });
});
