import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from '../../src/api/app.js';
import { attachSvelteKit } from '../../src/api/sveltekit-bridge.js';
import { loadConfig } from '../../src/lib/server/config.js';
import {
  AdmissionGate,
  admissionKind,
  parseAdmissionLimits,
  type Admission,
} from '../../src/lib/server/http/admission.js';
import { createTestServices, type TestContext } from '../helpers/services.js';

const admitted = (a: Admission): a is Extract<Admission, { admitted: true }> => a.admitted;

describe('admission gate', () => {
  it('runs at most `limit` at once and admits the next waiter when one finishes', async () => {
    const gate = new AdmissionGate({ limit: 2, queue: 10, maxWaitMs: 5_000 });
    const a = await gate.enter('x');
    const b = await gate.enter('x');
    const third = gate.enter('x');
    expect(gate.inFlight).toBe(2);
    expect(gate.queued).toBe(1);
    let done = false;
    void Promise.resolve(third).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    if (!admitted(a) || !admitted(b)) throw new Error('first two must be admitted');
    a.release();
    a.release(); // counted once
    const c = await third;
    expect(c.admitted).toBe(true);
    expect(gate.inFlight).toBe(2);
    expect(gate.queued).toBe(0);
  });

  it('refuses at once when the queue is full, and after maxWaitMs in the queue', async () => {
    const gate = new AdmissionGate({ limit: 1, queue: 1, maxWaitMs: 50 });
    const first = await gate.enter('x');
    expect(first.admitted).toBe(true);
    const waiting = gate.enter('x');
    expect(await gate.enter('x')).toEqual({ admitted: false, reason: 'queue_full' });
    expect(await waiting).toEqual({ admitted: false, reason: 'timeout' });
    expect(gate.queued).toBe(0);
    expect(gate.stats).toMatchObject({ refusedQueueFull: 1, refusedTimeout: 1 });
  });

  it('refuses on arrival whoever would wait past maxWaitMs at the observed service rate, a greedy client first', async () => {
    let clock = 0;
    const gate = new AdmissionGate({ limit: 1, queue: 100, maxWaitMs: 250 }, () => clock);
    // One request served in 100 ms: the gate now serves one request per 100 ms.
    const first = await gate.enter('greedy');
    clock += 100;
    if (admitted(first)) first.release();
    expect(gate.serviceTimeMs).toBe(100);
    const holder = await gate.enter('greedy');
    const second = gate.enter('greedy'); // turn in ~100 ms: waits
    const third = gate.enter('greedy'); // ~200 ms: waits
    expect(await gate.enter('greedy')).toEqual({ admitted: false, reason: 'deadline' }); // ~300 ms: refused now
    const polite = gate.enter('polite'); // served right after the greedy client's next one: ~200 ms, waits
    expect(gate.queued).toBe(3);
    expect(gate.stats.refusedDeadline).toBe(1);
    const order: string[] = [];
    const served = Object.entries({ second, third, polite }).map(([name, pending]) =>
      Promise.resolve(pending).then((a) => {
        order.push(name);
        if (admitted(a)) setTimeout(a.release, 1);
      }),
    );
    if (admitted(holder)) holder.release();
    await Promise.all(served);
    expect(order).toEqual(['second', 'polite', 'third']);
  });

  it('serves waiting clients round-robin: a greedy client does not starve a polite one', async () => {
    const gate = new AdmissionGate({ limit: 1, queue: 100, maxWaitMs: 5_000 });
    const holder = await gate.enter('greedy');
    const order: string[] = [];
    const pending: Array<Promise<void>> = [];
    const enqueue = (client: string) =>
      pending.push(
        Promise.resolve(gate.enter(client)).then((a) => {
          order.push(client);
          if (admitted(a)) setTimeout(a.release, 1);
        }),
      );
    for (let i = 0; i < 5; i++) enqueue('greedy');
    enqueue('polite');
    if (admitted(holder)) holder.release();
    await Promise.all(pending);
    // FIFO would serve the polite client sixth; round-robin serves it second.
    expect(order.indexOf('polite')).toBe(1);
    expect(order).toHaveLength(6);
  });

  it('drops a waiter whose client left, and refuses at once a client already gone', async () => {
    const gate = new AdmissionGate({ limit: 1, queue: 10, maxWaitMs: 5_000 });
    const holder = await gate.enter('x');
    const left = new AbortController();
    const waiting = gate.enter('x', left.signal);
    const stays = gate.enter('x');
    expect(gate.queued).toBe(2);
    left.abort();
    expect(await waiting).toEqual({ admitted: false, reason: 'abandoned' });
    expect(gate.queued).toBe(1);
    expect(await gate.enter('x', AbortSignal.abort())).toEqual({ admitted: false, reason: 'abandoned' });
    if (!admitted(holder)) throw new Error('first must be admitted');
    holder.release();
    // The slot goes to the client still waiting, not to the one that left.
    const next = await stays;
    expect(next.admitted).toBe(true);
    expect(gate.inFlight).toBe(1);
    expect(gate.stats.abandoned).toBe(2);
  });

  it('classifies requests by routed path and method; health never waits', () => {
    expect(admissionKind('GET', '/api/health', false)).toBeNull();
    expect(admissionKind('GET', '/api/v1/search', false)).toBe('search');
    expect(admissionKind('GET', '/api/v1/listings/:id', false)).toBe('read');
    expect(admissionKind('POST', '/api/v1/listings', false)).toBe('write');
    expect(admissionKind('GET', undefined, true)).toBe('page');
    expect(admissionKind('POST', undefined, true)).toBe('write');
  });

  it('reads ADMISSION_LIMITS and names the variable when it is malformed', () => {
    expect(parseAdmissionLimits('search=3,page=0:7')).toMatchObject({
      search: { limit: 3 },
      page: { limit: Infinity, queue: 7 },
    });
    expect(parseAdmissionLimits('search=16:100:400,write=4')).toMatchObject({
      search: { limit: 16, queue: 100, maxWaitMs: 400 },
      write: { limit: 4, maxWaitMs: 1_000 },
    });
    expect(parseAdmissionLimits('search=16:100:0')).toBeNull();
    expect(parseAdmissionLimits('search=lots')).toBeNull();
    expect(() => loadConfig({ ADMISSION_LIMITS: 'everything' })).toThrow(/ADMISSION_LIMITS/);
  });
});

describe('admission control on the running API', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    // One read at a time and nobody waiting: a burst must be refused quickly, with a problem and Retry-After.
    ctx = await createTestServices({ ADMISSION_LIMITS: 'read=1:0' });
  });
  afterAll(async () => ctx?.cleanup());

  it('answers a burst beyond the bound with 503 problem+json and Retry-After, and serves again afterwards', async () => {
    const app = await createServer(ctx.services);
    try {
      const burst = await Promise.all(
        Array.from({ length: 20 }, () => app.inject({ method: 'GET', url: '/api/v1/taxonomies' })),
      );
      const statuses = burst.map((r) => r.statusCode);
      expect(statuses).toContain(200);
      const refused = burst.filter((r) => r.statusCode === 503);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]!.headers['retry-after']).toBe('1');
      expect(refused[0]!.headers['content-type']).toContain('application/problem+json');
      expect(refused[0]!.json()).toMatchObject({ status: 503, type: 'https://bourse-projets.org/problems/overloaded' });
      // Health is never queued, even while reads are saturated.
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      // Every slot was given back: one request at a time is served.
      for (let i = 0; i < 3; i++)
        expect((await app.inject({ method: 'GET', url: '/api/v1/taxonomies' })).statusCode).toBe(200);
      expect(app.admission.gates.read.inFlight).toBe(0);
    } finally {
      await app.close();
    }
  });
});

/**
 * The API with a stand-in for SvelteKit that holds each page open until the test ends it, listening on a free port.
 */
async function serveHeldPages(ctx: TestContext) {
  const app = await createServer(ctx.services);
  const held: ServerResponse[] = [];
  attachSvelteKit(app, (_req: IncomingMessage, res: ServerResponse) => void held.push(res));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, held, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}

describe('admission control on pages', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestServices({ ADMISSION_LIMITS: 'page=1:0' });
  });
  afterAll(async () => ctx?.cleanup());

  it('refuses a page beyond the bound with a 503 page in the reader’s language and Retry-After', async () => {
    const { app, held, base } = await serveHeldPages(ctx);
    try {
      const first = fetch(`${base}/en/recherche`);
      while (held.length === 0) await new Promise((r) => setTimeout(r, 5));
      for (const [path, lang, title] of [
        ['/recherche?q=eau', 'fr', 'Service très sollicité'],
        ['/uk/recherche', 'uk', 'Сервіс перевантажений'],
        ['/ar/pays/SN', 'ar" dir="rtl', 'الخدمة تحت ضغط كبير'],
      ] as const) {
        const refused = await fetch(`${base}${path}`);
        expect(refused.status).toBe(503);
        expect(refused.headers.get('retry-after')).toBe('1');
        expect(refused.headers.get('content-type')).toContain('text/html');
        const html = await refused.text();
        expect(html).toContain(`<html lang="${lang}"`);
        expect(html).toContain(title);
      }
      held[0]!.end('page');
      expect((await first).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('admission control when clients leave while queued', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestServices({ ADMISSION_LIMITS: 'page=1:50:10000' });
  });
  afterAll(async () => ctx?.cleanup());

  // The defect this guards against: a load generator that stops closes its connections with requests still queued;
  // each of them used to be admitted later on a closed socket and never gave its slot back, so the gate ended with
  // no usable slot and refused everything after (mixed load at 50 connections: 70 % refused, every search).
  it('gives every slot back: queued requests whose clients left are dropped and the next client is served', async () => {
    const { app, held, base } = await serveHeldPages(ctx);
    const until = async (ok: () => boolean) => {
      for (let waited = 0; !ok(); waited += 5) {
        if (waited > 5_000) throw new Error('the gate did not get there');
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    try {
      const first = fetch(`${base}/recherche`);
      await until(() => held.length === 1);
      const leaving = Array.from({ length: 5 }, () => new AbortController());
      const queued = leaving.map((c) => fetch(`${base}/recherche`, { signal: c.signal }).catch(() => 'aborted'));
      await until(() => app.admission.gates.page.queued === 5);
      for (const c of leaving) c.abort();
      expect(await Promise.all(queued)).toEqual(Array(5).fill('aborted'));
      await new Promise((r) => setTimeout(r, 200)); // the server sees the sockets close
      held[0]!.end('page');
      expect((await first).status).toBe(200);
      await until(() => app.admission.gates.page.inFlight === 0 && app.admission.gates.page.queued === 0);
      // The gate serves the next client at once: nobody who left holds the slot.
      const next = fetch(`${base}/recherche`);
      await until(() => held.length === 2);
      held[1]!.end('page');
      expect((await next).status).toBe(200);
      expect(app.admission.gates.page.stats.abandoned).toBe(5);
      await until(() => app.admission.gates.page.inFlight === 0);
    } finally {
      await app.close();
    }
  });
});
