import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq, inArray } from 'drizzle-orm';
import { createServer } from '../../src/api/app.js';
import { authorities } from '../../src/lib/server/db/schema/index.js';
import { parseWebAddress } from '../../src/lib/server/input/web-address.js';
import { DomainError } from '../../src/lib/server/errors.js';
import { createAuthority } from '../helpers/fixtures.js';
import { createTestServices, type TestContext } from '../helpers/services.js';

let ctx: TestContext;
let app: FastifyInstance;
beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

const REFUSED = [
  'javascript://%0aalert(document.domain)',
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'java\tscript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'ftp://files.example.org',
  'file:///etc/passwd',
  'mailto:maire@example.org',
  'https://javascript',
  'https://user:pass@example.org',
  'https://exa mple.org',
  'https://example.org/"><script>',
  'intranet',
  'http://',
  '//',
  'www.' + 'a'.repeat(300) + '.org',
  'https://example.org\\@evil.example',
];

const ACCEPTED: Array<[string, string]> = [
  ['www.popayan.gov.co', 'https://www.popayan.gov.co'],
  ['WWW.Popayan.Gov.Co', 'https://www.popayan.gov.co'],
  ['popayan.gov.co/alcaldia', 'https://popayan.gov.co/alcaldia'],
  ['  https://www.dakar.sn/  ', 'https://www.dakar.sn'],
  ['http://ville-de-tivaouane.sn', 'http://ville-de-tivaouane.sn'],
  ['https://www.x.gov.co:8443/a?b=c', 'https://www.x.gov.co:8443/a?b=c'],
  ['www.x.gov.co:8080', 'https://www.x.gov.co:8080'],
  ['https://xn--mairie-d1a.fr', 'https://xn--mairie-d1a.fr'],
];

describe('parseWebAddress', () => {
  it.each(REFUSED.map((r) => [JSON.stringify(r).slice(0, 60), r]))('refuses %s on its field', (_, raw) => {
    try {
      parseWebAddress(raw, 'authority.website');
      expect.unreachable(`${raw} accepted`);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details).toMatchObject({ field: 'authority.website', reason: 'web_address' });
    }
  });

  it.each(ACCEPTED)('reads %s as %s', (raw, expected) => {
    expect(parseWebAddress(raw, 'website')).toBe(expected);
  });

  it('an empty value is no website', () => {
    for (const raw of ['', '   ', null, undefined]) expect(parseWebAddress(raw, 'website')).toBeNull();
  });
});

describe('registration through the API uses the same parser as the page', () => {
  const register = (website: string, email: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: {
        kind: 'foreign',
        email,
        password: 'un mot de passe assez long',
        displayName: 'Juan Pérez',
        authority: { name: 'Alcaldía de Popayán', type: 'municipality', country: 'CO', website },
      },
    });

  it('stores `www.popayan.gov.co` as https://www.popayan.gov.co', async () => {
    const res = await register('www.popayan.gov.co', 'juan@popayan.gov.co');
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await ctx.services.db
      .select()
      .from(authorities)
      .where(eq(authorities.id, res.json().user.authorityId));
    expect(row!.website).toBe('https://www.popayan.gov.co');
  });

  it('refuses `javascript://%0aalert(document.domain)` with 400 naming the field', async () => {
    const res = await register('javascript://%0aalert(document.domain)', 'attaquant@example.org');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'authority.website' });
  });
});

describe('the migration normalising stored websites', () => {
  it('turns bare host names into https:// addresses and clears anything else', async () => {
    const file = readdirSync(path.resolve(import.meta.dirname, '../../drizzle'))
      .map((f) => path.resolve(import.meta.dirname, '../../drizzle', f))
      .find((f) => f.endsWith('.sql') && readFileSync(f, 'utf8').includes('UPDATE "authorities" SET "website"'));
    expect(file).toBeDefined();
    const statement = readFileSync(file!, 'utf8')
      .split('--> statement-breakpoint')
      .find((s) => s.includes('UPDATE "authorities" SET "website"'))!;
    const cases: Array<[string, string | null]> = [
      ['www.popayan.gov.co', 'https://www.popayan.gov.co'],
      ['https://www.dakar.sn/fr', 'https://www.dakar.sn/fr'],
      [' http://tivaouane.sn ', 'http://tivaouane.sn'],
      ['javascript://%0aalert(document.domain)', null],
      ['javascript:alert(1)', null],
      ['data:text/html,x', null],
      ['voir notre page Facebook', null],
      ['https://intranet', null],
    ];
    const ids: string[] = [];
    for (const [website] of cases)
      ids.push((await createAuthority(ctx.services, { kind: 'foreign', country: 'SN', website })).id);
    await ctx.services.sql.unsafe(statement);
    const rows = await ctx.services.db
      .select({ id: authorities.id, website: authorities.website })
      .from(authorities)
      .where(inArray(authorities.id, ids));
    for (const [i, [raw, expected]] of cases.entries())
      expect(rows.find((r) => r.id === ids[i])!.website, raw).toBe(expected);
  });
});
