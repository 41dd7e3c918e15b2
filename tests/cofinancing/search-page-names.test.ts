import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltAppOn } from '../helpers/pages-app.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createUser, TEST_PASSWORD } from '../helpers/fixtures.js';

/**
 * The search page names the co-financing programmes of its facet from names the process keeps a while: an admin's
 * rename through the API (the Fastify side of the process) shows on the next search page (the SvelteKit side),
 * through the built app as it runs in production.
 */
let ctx: TestContext;
let stop: (() => Promise<void>) | undefined;
let url: string;

beforeAll(async () => {
  ctx = await createTestServices();
  const started = await startBuiltAppOn(ctx);
  ({ stop } = started);
  url = started.app.url;
}, 180_000);
afterAll(async () => {
  await stop?.();
  await ctx?.cleanup();
});

const SLUG = 'dctciv-franco-senegalais';
const searchPage = async () => (await fetch(`${url}/recherche?cofinancing=${SLUG}`)).text();

describe('programme names on the search page of the running app', () => {
  it('shows an admin’s rename made through the API on the next search page', async () => {
    const admin = await createUser(ctx.services, { role: 'admin' });
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: admin.email, password: TEST_PASSWORD }),
    });
    const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    const { programmes } = (await (
      await fetch(`${url}/api/v1/cofinancing/programmes?includeClosed=true`, { headers: auth })
    ).json()) as { programmes: Array<Record<string, unknown>> };
    const programme = programmes.find((p) => p.slug === SLUG)!;
    expect(await searchPage()).toContain(String(programme.name));

    const body: Record<string, unknown> = { ...programme, name: 'Appel DCTCIV Sénégal (nom revu)' };
    for (const key of ['id', 'slug', 'closedAt', 'version', 'createdAt', 'updatedAt', 'updatedBy']) delete body[key];
    const renamed = await fetch(`${url}/api/v1/cofinancing/programmes/${String(programme.id)}`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json', 'if-match': `"${String(programme.version)}"` },
      body: JSON.stringify(body),
    });
    expect(renamed.status, await renamed.clone().text()).toBe(200);
    const page = await searchPage();
    expect(page).toContain('Appel DCTCIV Sénégal (nom revu)');
    expect(page).not.toContain(String(programme.name));
  });
});
