import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT, createServer } from '../../src/api/app.js';
import { createAuthority, createUser, insertListing, login } from '../helpers/fixtures.js';
import { createTestServices, type TestContext } from '../helpers/services.js';

// Invalid and hostile requests generated from the OpenAPI document, for every route: the API never answers 5xx
// and every client error is an RFC 9457 problem document.
let ctx: TestContext;
let app: FastifyInstance;
let spec: OpenApi;
const personas: Record<string, Record<string, string>> = { anonymous: {} };
let listingId: string;

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  format?: string;
  anyOf?: Schema[];
};
type Operation = {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>> };

const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1' --",
  "'; DROP TABLE listings; --",
  '1; select pg_sleep(10)',
  'SN" OR country = "FR',
  'country = SN OR _geoRadius(0, 0, 1)',
  '\u202Egnp.exe\u200B\uFEFF',
  'null\u0000byte',
  '\uD800 lone surrogate',
  '🇫🇷👩🏽‍🌾 ज़िला 県 ملف',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '${jndi:ldap://x}',
  '{{7*7}}',
  'x'.repeat(100_000),
];
const BAD_IDS = [
  'not-a-uuid',
  "1' OR '1'='1",
  '00000000-0000-0000-0000-00000000000g',
  'x'.repeat(5_000),
  '%F0%9F%92%A9',
  '..%2F..%2Fadmin',
  '00000000-0000-0000-0000-000000000000',
  '123',
];

/** Values of every wrong kind for a schema, plus the hostile strings. */
function wrongValues(schema: Schema | undefined): unknown[] {
  const values: unknown[] = [null, true, -1, 1e308, 3.5, [], {}, [null], { $gt: '' }, ''];
  values.push(...HOSTILE_STRINGS);
  if (schema?.type === 'array' || schema?.items)
    values.push(
      Array.from({ length: 500 }, () => 'x'),
      [HOSTILE_STRINGS[0], 42],
    );
  if (schema?.type === 'object' || schema?.properties) values.push({ nested: { deeper: HOSTILE_STRINGS[2] } });
  return values;
}

function bodyVariants(schema: Schema | undefined): unknown[] {
  const variants: unknown[] = [{}, [], 'just a string', 42, null, { unknownField: 1 }];
  const props = schema?.properties ?? {};
  const valid: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(props))
    valid[name] =
      prop.enum?.[0] ??
      (prop.type === 'array'
        ? []
        : prop.type === 'integer' || prop.type === 'number'
          ? 1
          : prop.type === 'boolean'
            ? true
            : prop.type === 'object'
              ? {}
              : 'x');
  for (const name of Object.keys(props)) {
    for (const value of wrongValues(props[name])) variants.push({ ...valid, [name]: value });
    const { [name]: _dropped, ...missing } = valid;
    variants.push(missing);
  }
  return variants;
}

/** encodeURIComponent, except that a lone surrogate becomes its (invalid) UTF-8 bytes. */
const enc = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
};

function queryVariants(op: Operation): string[] {
  const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const out: string[] = [];
  for (const name of names) {
    for (const value of [
      ...HOSTILE_STRINGS.slice(0, 12),
      'abc',
      '-1',
      '99999999999999999999',
      '1e9',
      '',
      'x'.repeat(10_000),
    ]) {
      out.push(`${enc(name)}=${enc(value)}`);
    }
    out.push(
      `${encodeURIComponent(name)}=1&${encodeURIComponent(name)}=2&${encodeURIComponent(name)}=${encodeURIComponent('<x>')}`,
    );
  }
  out.push('unknown=1', '%zz=%zz', 'a[b][c]=1');
  return out;
}

beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
  const s = ctx.services;
  const senegal = await createAuthority(s, { kind: 'foreign', country: 'SN' });
  const french = await createAuthority(s, { kind: 'french', country: 'FR', type: 'commune' });
  listingId = (await insertListing(s, { authorityId: senegal.id, country: 'SN' })).id;
  const users = {
    author: await createUser(s, { role: 'foreign_authority', authorityId: senegal.id }),
    french: await createUser(s, { role: 'french_authority', authorityId: french.id }),
    correspondent: await createUser(s, { role: 'correspondent', countries: ['SN'] }),
    admin: await createUser(s, { role: 'admin' }),
  };
  for (const [name, user] of Object.entries(users)) personas[name] = await login(app, user.email);
  spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
}, 120_000);

afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

// Routes that end the persona's own session or account: fuzzed anonymously only, so the others keep going.
const SELF_DESTRUCTIVE = /\/auth\/logout|\/account$|\/sessions|\/password/;

describe('hostile input on every API route of the OpenAPI document', () => {
  it('never answers 5xx; every error is application/problem+json', async () => {
    const failures: string[] = [];
    let sent = 0;
    const check = async (options: InjectOptions, label: string) => {
      const res = await app.inject(options);
      sent++;
      const type = String(res.headers['content-type'] ?? '');
      if (res.statusCode >= 500) failures.push(`${res.statusCode} ${label}: ${res.body.slice(0, 300)}`);
      else if (res.statusCode >= 400 && !type.includes('application/problem+json'))
        failures.push(`${res.statusCode} without problem+json (${type}) ${label}`);
    };
    const routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
    expect(routes.length).toBeGreaterThan(20);
    for (const { path, method, op } of routes) {
      if (path.startsWith('/api/docs')) continue;
      const hasParams = /\{[^}]+\}/.test(path);
      const fill = (value: string) => path.replace(/\{[^}]+\}/g, enc(value));
      const urls = hasParams ? [...BAD_IDS.map(fill), fill(listingId)] : [path];
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const names = SELF_DESTRUCTIVE.test(path) ? ['anonymous'] : Object.keys(personas);
      for (const persona of names) {
        const headers = personas[persona]!;
        for (const url of urls)
          await check({ method: method as never, url, headers }, `${persona} ${method} ${url.slice(0, 120)}`);
        const url = urls.at(-1)!;
        for (const query of queryVariants(op))
          await check(
            { method: method as never, url: `${url}?${query}`, headers },
            `${persona} ${method} ${url}?${query.slice(0, 80)}`,
          );
        if (method !== 'GET' && method !== 'DELETE') {
          for (const body of bodyVariants(bodySchema)) {
            await check(
              {
                method: method as never,
                url,
                headers: { ...headers, 'content-type': 'application/json' },
                payload: JSON.stringify(body),
              },
              `${persona} ${method} ${url} body ${JSON.stringify(body).slice(0, 100)}`,
            );
          }
          await check(
            {
              method: method as never,
              url,
              headers: { ...headers, 'content-type': 'application/json' },
              payload: '{"title": "unterminated',
            },
            `${persona} ${method} ${url} malformed JSON`,
          );
          await check(
            { method: method as never, url, headers: { ...headers, 'content-type': 'text/xml' }, payload: '<x/>' },
            `${persona} ${method} ${url} xml`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1_000);
  }, 300_000);

  it('refuses oversized bodies with 413 problem+json before reading them', async () => {
    const huge = JSON.stringify({ originalLanguage: 'fr', title: 'x', summary: 'y'.repeat(BODY_LIMIT + 10) });
    for (const url of ['/api/v1/listings', '/api/v1/auth/login', `/api/v1/listings/${listingId}/decision`]) {
      const res = await app.inject({
        method: 'POST',
        url,
        headers: { ...personas.author, 'content-type': 'application/json' },
        payload: huge,
      });
      expect(res.statusCode, url).toBe(413);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
