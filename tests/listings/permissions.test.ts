import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, draftBody, type World } from './world.js';

// The role × action matrix of docs/PERMISSIONS.md, through the API. Each row builds a fresh request of the
// Senegalese authority in the needed state, then asks as each role. 404 = the request is hidden from them.

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

type Who = 'anonymous' | 'french' | 'author' | 'otherAuthor' | 'correspondent' | 'otherCorrespondent' | 'admin';
const WHO: Who[] = ['anonymous', 'french', 'author', 'otherAuthor', 'correspondent', 'otherCorrespondent', 'admin'];

interface Row {
  action: string;
  state: Parameters<World['listingIn']>[0];
  run: (id: string, who: Who) => ReturnType<World['call']>;
  expected: Record<Who, number>;
}

const versionOf = async (id: string) =>
  (await w.call('GET', `/api/v1/listings/${id}`, w.as.author)).json().version as number;

const MATRIX: Row[] = [
  {
    action: 'read a draft',
    state: 'draft',
    run: (id, who) => w.call('GET', `/api/v1/listings/${id}`, w.as[who]),
    expected: {
      anonymous: 404,
      french: 404,
      author: 200,
      otherAuthor: 404,
      correspondent: 200,
      otherCorrespondent: 404,
      admin: 200,
    },
  },
  {
    action: 'read a published request',
    state: 'published',
    run: (id, who) => w.call('GET', `/api/v1/listings/${id}`, w.as[who]),
    expected: {
      anonymous: 200,
      french: 200,
      author: 200,
      otherAuthor: 200,
      correspondent: 200,
      otherCorrespondent: 200,
      admin: 200,
    },
  },
  {
    action: 'edit a draft',
    state: 'draft',
    run: async (id, who) =>
      w.call(
        'PATCH',
        `/api/v1/listings/${id}`,
        { ...w.as[who], 'if-match': `"${await versionOf(id)}"` },
        { budgetEur: 1000 },
      ),
    expected: {
      anonymous: 401,
      french: 404,
      author: 200,
      otherAuthor: 404,
      correspondent: 403,
      otherCorrespondent: 404,
      admin: 200,
    },
  },
  {
    action: 'propose a revision of a published request',
    state: 'published',
    run: async (id, who) =>
      w.call(
        'PATCH',
        `/api/v1/listings/${id}`,
        { ...w.as[who], 'if-match': `"${await versionOf(id)}"` },
        { budgetEur: 1000 },
      ),
    expected: {
      anonymous: 401,
      french: 403,
      author: 200,
      otherAuthor: 403,
      correspondent: 403,
      otherCorrespondent: 403,
      admin: 200,
    },
  },
  {
    action: 'submit a draft',
    state: 'draft',
    run: (id, who) => w.call('POST', `/api/v1/listings/${id}/submit`, w.as[who]),
    expected: {
      anonymous: 401,
      french: 404,
      author: 200,
      otherAuthor: 404,
      correspondent: 403,
      otherCorrespondent: 404,
      admin: 200,
    },
  },
  {
    action: 'decide a submitted request',
    state: 'submitted',
    run: (id, who) => w.call('POST', `/api/v1/listings/${id}/decision`, w.as[who], { decision: 'approve' }),
    expected: {
      anonymous: 401,
      french: 404,
      author: 403,
      otherAuthor: 404,
      correspondent: 200,
      otherCorrespondent: 404,
      admin: 200,
    },
  },
  {
    action: 'mark a published request in discussion',
    state: 'published',
    run: (id, who) => w.call('POST', `/api/v1/listings/${id}/transition`, w.as[who], { to: 'in_discussion' }),
    expected: {
      anonymous: 401,
      french: 403,
      author: 200,
      otherAuthor: 403,
      correspondent: 200,
      otherCorrespondent: 403,
      admin: 200,
    },
  },
  {
    action: 'archive a published request',
    state: 'published',
    run: (id, who) => w.call('POST', `/api/v1/listings/${id}/archive`, w.as[who], {}),
    expected: {
      anonymous: 401,
      french: 403,
      author: 200,
      otherAuthor: 403,
      correspondent: 200,
      otherCorrespondent: 403,
      admin: 200,
    },
  },
  {
    action: 'reconfirm a published request',
    state: 'published',
    run: (id, who) => w.call('POST', `/api/v1/listings/${id}/reconfirm`, w.as[who]),
    expected: {
      anonymous: 401,
      french: 403,
      author: 200,
      otherAuthor: 403,
      correspondent: 200,
      otherCorrespondent: 403,
      admin: 200,
    },
  },
  {
    action: 'read the audit trail of a published request',
    state: 'published',
    run: (id, who) => w.call('GET', `/api/v1/listings/${id}/events`, w.as[who]),
    expected: {
      anonymous: 401,
      french: 403,
      author: 200,
      otherAuthor: 403,
      correspondent: 200,
      otherCorrespondent: 403,
      admin: 200,
    },
  },
];

describe('permission matrix (role × action)', () => {
  for (const row of MATRIX) {
    it(row.action, async () => {
      const got: Record<string, number> = {};
      for (const who of WHO) {
        const id = await w.listingIn(row.state);
        got[who] = (await row.run(id, who)).statusCode;
      }
      expect(got).toEqual(row.expected);
    });
  }

  it('create a request for the Senegalese authority', async () => {
    const got: Record<string, number> = {};
    for (const who of WHO) {
      got[who] = (
        await w.call('POST', '/api/v1/listings', w.as[who], draftBody({ authorityId: w.authorities.senegal.id }))
      ).statusCode;
    }
    expect(got).toEqual({
      anonymous: 401,
      french: 403,
      author: 201,
      otherAuthor: 403,
      correspondent: 201,
      otherCorrespondent: 403,
      admin: 201,
    });
    // Without authorityId, a person without an authority of their own must say which one.
    const missing = await w.call('POST', '/api/v1/listings', w.as.admin, draftBody());
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe('authorityId');
  });

  it('verify a foreign authority of Senegal', async () => {
    const got: Record<string, number> = {};
    for (const who of WHO) {
      const { createAuthority } = await import('../helpers/fixtures.js');
      const authority = await createAuthority(w.ctx.services, { kind: 'foreign', country: 'SN', verifiedAt: null });
      got[who] = (await w.call('POST', `/api/v1/authorities/${authority.id}/verify`, w.as[who])).statusCode;
    }
    expect(got).toEqual({
      anonymous: 401,
      french: 403,
      author: 403,
      otherAuthor: 403,
      correspondent: 200,
      otherCorrespondent: 403,
      admin: 200,
    });
  });

  it('read the moderation queue', async () => {
    const got: Record<string, number> = {};
    for (const who of WHO) got[who] = (await w.call('GET', '/api/v1/moderation/queue', w.as[who])).statusCode;
    expect(got).toEqual({
      anonymous: 401,
      french: 403,
      author: 403,
      otherAuthor: 403,
      correspondent: 200,
      otherCorrespondent: 200,
      admin: 200,
    });
  });
});

describe('contact data', () => {
  it('never reaches anonymous visitors or French authorities, in any response', async () => {
    const published = await w.listingIn('published');
    const inDiscussion = await w.listingIn('in_discussion');
    const draft = await w.listingIn('draft');
    for (const who of ['anonymous', 'french', 'otherAuthor', 'otherCorrespondent'] as const) {
      const responses = [
        await w.call('GET', `/api/v1/listings/${published}`, w.as[who]),
        await w.call('GET', `/api/v1/listings/${inDiscussion}`, w.as[who]),
        await w.call('GET', `/api/v1/listings/${draft}`, w.as[who]),
        await w.call('GET', '/api/v1/listings?pageSize=100', w.as[who]),
      ];
      for (const res of responses) {
        expect(res.body).not.toContain('@example.sn');
        expect(res.body).not.toContain('electedOfficial');
        expect(res.body).not.toContain('technicalContact');
        expect(res.body).not.toContain('"version"');
      }
      expect(responses[0]!.statusCode).toBe(200);
    }
    // …while the author and the moderator see them.
    const full = await w.call('GET', `/api/v1/listings/${published}`, w.as.correspondent);
    expect(full.json().electedOfficial).toEqual(draftBody().electedOfficial);
  });
});
