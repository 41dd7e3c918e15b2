import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meilisearch } from 'meilisearch';
import postgres from 'postgres';
import { createServer } from '../src/api/app.js';
import { createTestServices, type TestContext } from './helpers/services.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestServices();
});
afterAll(async () => ctx?.cleanup());

describe('GET /api/health', () => {
  it('answers 200 with both services ok and the version', async () => {
    const app = await createServer(ctx.services);
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', postgres: 'ok', meilisearch: 'ok', version: expect.any(String) });
    await app.close();
  });

  it('answers 503 naming Meilisearch when it does not answer', async () => {
    const services = {
      ...ctx.services,
      meili: new Meilisearch({ host: 'http://127.0.0.1:9', apiKey: 'x', timeout: 500 }),
    };
    const app = await createServer(services);
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: 'degraded',
      postgres: 'ok',
      meilisearch: 'down',
      down: ['meilisearch'],
    });
    await app.close();
  });

  it('answers 503 naming PostgreSQL when it does not answer', async () => {
    const deadSql = postgres('postgres://x:y@127.0.0.1:9/none', { connect_timeout: 1, max: 1 });
    const services = { ...ctx.services, sql: deadSql };
    const app = await createServer(services);
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ postgres: 'down', meilisearch: 'ok', down: ['postgres'] });
    await app.close();
    await deadSql.end();
  });

  it('keeps unknown /api paths as JSON problem 404s', async () => {
    const app = await createServer(ctx.services);
    const res = await app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    await app.close();
  });
});
