import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/api/app.js';
import { attachSvelteKit } from '../../src/api/sveltekit-bridge.js';
import { PAGE_BODY_LIMIT_BYTES } from '../../src/lib/server/http/page-body-limit.js';
import { createTestServices, type TestContext } from '../helpers/services.js';

// A page's form post over 512 KB is refused before SvelteKit reads it; only the partnership import takes files.
let ctx: TestContext;
let app: Awaited<ReturnType<typeof createServer>>;
/** What SvelteKit would have received: the declared length of each post handed to it. */
const handed: Array<{ url: string; contentLength: string | undefined }> = [];

beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
  // Stands in for SvelteKit's handler: records the request and answers 200 once the body is read.
  attachSvelteKit(app, (req: IncomingMessage, res: ServerResponse) => {
    handed.push({ url: req.url ?? '', contentLength: req.headers['content-length'] });
    req.resume();
    req.once('end', () => res.end('ok'));
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

const over = 'x'.repeat(PAGE_BODY_LIMIT_BYTES + 1);
const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

describe('page form posts over 512 KB', () => {
  it('are refused with 413 and a page in the reader’s language, the body unread and the connection closed', async () => {
    handed.length = 0;
    const fr = await app.inject({ method: 'POST', url: '/connexion', headers: form, payload: `email=${over}` });
    expect(fr.statusCode).toBe(413);
    expect(fr.headers['content-type']).toContain('text/html');
    expect(fr.headers.connection).toBe('close');
    expect(fr.body).toContain('<html lang="fr"');
    expect(fr.body).toContain('Envoi trop volumineux');
    expect(fr.body).toContain('512');

    const ar = await app.inject({ method: 'POST', url: '/ar/connexion', headers: form, payload: `email=${over}` });
    expect(ar.statusCode).toBe(413);
    expect(ar.body).toContain('<html lang="ar" dir="rtl"');

    const en = await app.inject({ method: 'POST', url: '/en/connexion?/save', headers: form, payload: over });
    expect(en.body).toContain('Submission too large');
    expect(handed).toEqual([]);
  });

  it('answer an enhanced form (JavaScript) with the action result SvelteKit shows as its error page', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/es/connexion',
      headers: { ...form, accept: 'application/json', 'x-sveltekit-action': 'true' },
      payload: over,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ type: 'error', error: { message: expect.stringContaining('512 KB') } });
  });

  it('are let through to the partnership import, whose files may reach 5 MB', async () => {
    handed.length = 0;
    for (const url of ['/admin/import-partenariats', '/en/admin/import-partenariats?/preview']) {
      const res = await app.inject({ method: 'POST', url, headers: form, payload: over });
      expect(res.statusCode).toBe(200);
    }
    expect(handed.map((h) => h.url)).toEqual(['/admin/import-partenariats', '/en/admin/import-partenariats?/preview']);
    // Its sub-pages post small forms, like every other page.
    const sub = await app.inject({
      method: 'POST',
      url: '/admin/import-partenariats/abc',
      headers: form,
      payload: over,
    });
    expect(sub.statusCode).toBe(413);
  });

  it('let small posts through, and give a streamed body the 512 KB limit as its length for SvelteKit to enforce', async () => {
    handed.length = 0;
    const small = await app.inject({ method: 'POST', url: '/connexion', headers: form, payload: 'email=a%40b.fr' });
    expect(small.statusCode).toBe(200);
    // A body sent in chunks, with no Content-Length (light-my-request would add one): through a real socket.
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ port, method: 'POST', path: '/connexion', headers: form }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('email=a%40b');
      req.end('.fr');
    });
    expect(status).toBe(200);
    expect(handed.map((h) => h.contentLength)).toEqual(['14', String(PAGE_BODY_LIMIT_BYTES)]);
  });
});
