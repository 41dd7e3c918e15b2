import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { test as base } from 'vitest';
import { createServer } from '../../src/api/app.js';
import type { Role } from '../../src/lib/server/auth/actor.js';
import type { Services } from '../../src/lib/server/runtime/services.js';
import { createAuthority, createUser, login } from './fixtures.js';
import { createTestServices, type TestContext } from './services.js';

// The set-up every in-process test file needs, as vitest fixtures (`test.extend`): ask for what the test uses and
// vitest builds it once per file, in order, and tears it down after the file's last test.
//
//   import { describe, expect, test as it } from '../helpers/test.js';
//   it('…', async ({ services, api, signedInAs }) => {
//     const res = await api.call('GET', '/api/v1/me', await signedInAs('admin'));
//   });
//
// Files written with beforeAll/createTestServices keep working; convert one when it is touched.

export type Headers = Record<string, string>;

/** The JSON API through Fastify's inject (no port, no network). */
export interface ApiClient {
  call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    headers?: Headers,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** A signed-in person of a role: authority roles belong to an approved, verified authority (SN or FR). */
export interface SignedIn {
  headers: Headers;
  user: Awaited<ReturnType<typeof createUser>>;
  authorityId: string | null;
}

interface FileFixtures {
  /** The file's database (a copy of the run's migrated template) and private search indexes. */
  testContext: TestContext;
  services: Services;
  /** The Fastify app over the file's services. */
  app: FastifyInstance;
  api: ApiClient;
  /** Bearer headers of a person of that role, created on first use and reused by the file's later tests. */
  signedInAs(role: Role, options?: { countries?: string[] }): Promise<Headers>;
  /** The same person, with the user row and authority. */
  signIn(role: Role, options?: { countries?: string[] }): Promise<SignedIn>;
}

export const test = base.extend<{ $file: FileFixtures }>({
  testContext: [
    // eslint-disable-next-line no-empty-pattern -- vitest reads the fixtures a fixture needs from this pattern
    async ({}, use) => {
      const ctx = await createTestServices();
      await use(ctx);
      await ctx.cleanup();
    },
    { scope: 'file' },
  ],
  services: [async ({ testContext }, use) => use(testContext.services), { scope: 'file' }],
  app: [
    async ({ services }, use) => {
      const app = await createServer(services);
      await use(app);
      await app.close();
    },
    { scope: 'file' },
  ],
  api: [
    async ({ app }, use) =>
      use({
        call: (method, url, headers = {}, payload) =>
          app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) }),
        inject: (options) => app.inject(options),
      }),
    { scope: 'file' },
  ],
  signIn: [
    async ({ services, app }, use) => {
      const people = new Map<string, Promise<SignedIn>>();
      const create = async (role: Role, countries?: string[]): Promise<SignedIn> => {
        const kind = role === 'foreign_authority' ? 'foreign' : role === 'french_authority' ? 'french' : null;
        const authority = kind
          ? await createAuthority(services, { kind, country: kind === 'french' ? 'FR' : 'SN' })
          : null;
        const user = await createUser(services, {
          role,
          authorityId: authority?.id ?? null,
          countries: role === 'correspondent' ? (countries ?? ['SN']) : undefined,
        });
        return { headers: await login(app, user.email), user, authorityId: authority?.id ?? null };
      };
      await use((role, { countries } = {}) => {
        const key = `${role}:${(countries ?? []).join(',')}`;
        if (!people.has(key)) people.set(key, create(role, countries));
        return people.get(key)!;
      });
    },
    { scope: 'file' },
  ],
  signedInAs: [
    async ({ signIn }, use) => use(async (role, options) => (await signIn(role, options)).headers),
    { scope: 'file' },
  ],
});

export { describe, expect } from 'vitest';
