import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listings, moderationEvents } from '../../src/lib/server/db/schema/index.js';
import { createWorld, draftBody, type World } from './world.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

describe('two moderators deciding at once', () => {
  it('exactly one wins; the other gets 409 with the current state', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await w.listingIn('submitted');
      const [a, b] = await Promise.all([
        w.call('POST', `/api/v1/listings/${id}/decision`, w.as.correspondent, { decision: 'approve' }),
        w.call('POST', `/api/v1/listings/${id}/decision`, w.as.secondCorrespondent, {
          decision: 'reject',
          comment: 'Incomplet',
        }),
      ]);
      const codes = [a.statusCode, b.statusCode].sort();
      expect(codes).toEqual([200, 409]);
      const winner = a.statusCode === 200 ? a : b;
      const loser = a.statusCode === 409 ? a : b;
      expect(loser.json().currentStatus).toBe(winner.json().status);
      expect(loser.json().currentVersion).toBe(winner.json().version);
      const decisions = await w.ctx.services.db
        .select()
        .from(moderationEvents)
        .where(eq(moderationEvents.listingId, id));
      expect(decisions.filter((e) => ['approve', 'reject'].includes(e.action))).toHaveLength(1);
    }
  });
});

describe('versions (ETag / If-Match)', () => {
  it('GET sends the version as ETag; PATCH without If-Match is 428, with a stale one 412', async () => {
    const id = await w.listingIn('draft');
    const read = await w.call('GET', `/api/v1/listings/${id}`, w.as.author);
    expect(read.headers.etag).toBe('"1"');

    const missing = await w.call('PATCH', `/api/v1/listings/${id}`, w.as.author, { budgetEur: 1 });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().currentVersion).toBe(1);

    const first = await w.call(
      'PATCH',
      `/api/v1/listings/${id}`,
      { ...w.as.author, 'if-match': '"1"' },
      { budgetEur: 2 },
    );
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');

    // A second editor who also read version 1 does not silently overwrite the first.
    const stale = await w.call(
      'PATCH',
      `/api/v1/listings/${id}`,
      { ...w.as.admin, 'if-match': '"1"' },
      { budgetEur: 3 },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().currentVersion).toBe(2);
    const garbage = await w.call(
      'PATCH',
      `/api/v1/listings/${id}`,
      { ...w.as.author, 'if-match': 'yesterday' },
      { budgetEur: 3 },
    );
    expect(garbage.statusCode).toBe(412);
    const [row] = await w.ctx.services.db.select().from(listings).where(eq(listings.id, id));
    expect(row!.budgetEur).toBe(2);
  });

  it('a stale If-Match on a decision is refused too', async () => {
    const id = await w.listingIn('submitted');
    const res = await w.call(
      'POST',
      `/api/v1/listings/${id}/decision`,
      { ...w.as.correspondent, 'if-match': '"1"' },
      { decision: 'approve' },
    );
    expect(res.statusCode).toBe(412);
  });
});

describe('bad input', () => {
  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    w.app.inject({
      method: 'POST',
      url: '/api/v1/listings',
      headers: { ...w.as.author, ...headers },
      payload: payload as string,
    });

  it('malformed JSON → 400', async () => {
    const res = await post('{"title": ', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('a body over 1 MiB → 413', async () => {
    const res = await post(draftBody({ context: 'x'.repeat(1024 * 1024 + 10) }));
    expect(res.statusCode).toBe(413);
  });

  it('an unknown field → 400 naming it', async () => {
    const res = await post(draftBody({ status: 'published' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('status');
    const nested = await post(draftBody({ electedOfficial: { name: 'A', email: 'a@b.sn', salary: 1 } }));
    expect(nested.statusCode).toBe(400);
    expect(nested.json().errors.map((e: { field: string }) => e.field)).toContain('electedOfficial.salary');
  });

  it('a wrong enum value → 400 naming the field and the allowed values', async () => {
    const theme = await post(draftBody({ themes: ['water_sanitation', 'space_travel'] }));
    expect(theme.statusCode).toBe(400);
    expect(theme.json().field).toBe('themes.1');
    expect(theme.json().detail).toContain('water_sanitation');
    const decision = await w.call(
      'POST',
      `/api/v1/listings/${await w.listingIn('submitted')}/decision`,
      w.as.correspondent,
      { decision: 'maybe' },
    );
    expect(decision.statusCode).toBe(400);
    expect(decision.json().field).toBe('decision');
  });

  it('validates lengths, counts, emails and numbers, naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: 'Eau' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ summary: 'x'.repeat(1001) }, 'summary'],
      [{ themes: [] }, 'themes'],
      [{ themes: ['health', 'waste', 'energy', 'tourism'] }, 'themes'],
      [{ forms: ['conquest'] }, 'forms.0'],
      [{ exchangeLanguages: ['klingon'] }, 'exchangeLanguages.0'],
      [{ technicalContact: { name: 'A', email: 'not-an-email' } }, 'technicalContact.email'],
      [{ budgetEur: -5 }, 'budgetEur'],
      [{ durationMonths: 1.5 }, 'durationMonths'],
      [{ originalLanguage: 'xx' }, 'originalLanguage'],
    ];
    for (const [override, field] of cases) {
      const res = await post(draftBody(override));
      expect(res.statusCode, JSON.stringify(override)).toBe(400);
      expect(
        [res.json().field, ...(res.json().errors ?? []).map((e: { field: string }) => e.field)],
        JSON.stringify(override),
      ).toContain(field);
    }
    const missing = await post({ originalLanguage: 'fr', summary: 'x', themes: ['health'] });
    expect(missing.json().field).toBe('title');
  });

  it('the domain validation names the field for callers without the API schema (pages)', async () => {
    const { validateListingContent } = await import('../../src/lib/server/listings/validation.js');
    expect(() =>
      validateListingContent(draftBody({ translations: { xx: { title: 'Hello world', summary: '' } } }), 'create'),
    ).toThrow(expect.objectContaining({ status: 400, details: expect.objectContaining({ field: 'translations.xx' }) }));
    expect(() => validateListingContent({ ...draftBody(), mood: 'happy' }, 'create')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'mood' }) }),
    );
    const ok = validateListingContent(
      draftBody({
        translations: { en: { title: 'Sanitation of the districts', summary: 'Connect 2,000 households.' } },
      }),
      'create',
    );
    expect(ok.translations.en!.title).toBe('Sanitation of the districts');
  });

  it('an id that is not a uuid → 400, an unknown one → 404', async () => {
    expect((await w.call('GET', '/api/v1/listings/not-a-uuid', w.as.anonymous)).statusCode).toBe(400);
    expect(
      (await w.call('GET', '/api/v1/listings/00000000-0000-4000-8000-000000000000', w.as.anonymous)).statusCode,
    ).toBe(404);
  });

  it('the taxonomies list themes with their DAC codes', async () => {
    const res = await w.call('GET', '/api/v1/taxonomies', w.as.anonymous);
    expect(res.statusCode).toBe(200);
    const water = res.json().themes.find((t: { code: string }) => t.code === 'water_sanitation');
    expect(water).toMatchObject({ dac: ['140'], name: { fr: 'Eau et assainissement' } });
    expect(res.json().countries.find((c: { code: string }) => c.code === 'SN').name.es).toBe('Senegal');
  });

  it('every listings route is in the OpenAPI document', async () => {
    const doc = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = Object.keys(doc.paths).map((p) => p.replace(/\/$/, ''));
    for (const path of [
      '/api/v1/listings',
      '/api/v1/listings/{id}',
      '/api/v1/listings/{id}/decision',
      '/api/v1/moderation/queue',
      '/api/v1/taxonomies',
    ]) {
      expect(paths, path).toContain(path);
    }
  });
});
