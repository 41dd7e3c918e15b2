import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../../src/lib/server/auth/password.js';
import type { Role } from '../../src/lib/server/auth/actor.js';
import { authorities, correspondentCountries, listings, users } from '../../src/lib/server/db/schema/index.js';
import type { Services } from '../../src/lib/server/runtime/services.js';

export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | null = null;

export async function createAuthority(
  services: Services,
  values: Partial<typeof authorities.$inferInsert> & { kind: 'foreign' | 'french'; country: string },
) {
  const [row] = await services.db
    .insert(authorities)
    .values({
      type: values.kind === 'foreign' ? 'municipality' : 'commune',
      name: `${values.kind === 'foreign' ? 'Commune de' : 'Ville de'} ${randomBytes(3).toString('hex')}`,
      population: 12_000,
      verifiedAt: new Date(),
      ...values,
    })
    .returning();
  return row!;
}

/** A user of the given role; correspondents get their countries, authority users their authority (approved member by default). */
export async function createUser(
  services: Services,
  options: {
    role: Role;
    authorityId?: string | null;
    countries?: string[];
    email?: string;
    password?: string;
    membership?: 'pending' | 'approved' | 'rejected' | 'disabled';
    emailVerified?: boolean;
  },
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const email = options.email ?? `${options.role}-${randomBytes(4).toString('hex')}@example.org`;
  const [user] = await services.db
    .insert(users)
    .values({
      email,
      displayName: `Test ${options.role}`,
      role: options.role,
      authorityId: options.authorityId ?? null,
      passwordHash: options.password ? await hashPassword(options.password) : await cachedHash,
      emailVerifiedAt: options.emailVerified === false ? null : new Date(),
      // Authority members are approved unless the test says otherwise (membership states: docs/PERMISSIONS.md).
      membership: options.membership ?? 'approved',
      approvedAt: (options.membership ?? 'approved') === 'approved' ? new Date() : null,
    })
    .returning();
  if (options.countries?.length) {
    await services.db
      .insert(correspondentCountries)
      .values(options.countries.map((country) => ({ userId: user!.id, country })));
  }
  return { ...user!, password: options.password ?? TEST_PASSWORD };
}

/** Signs in through the API and returns the bearer header to send with later requests. */
export async function login(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${res.json().token}` };
}

/**
 * A listing written straight into the table, for tests of readers (search, open data, statistics) that must
 * not depend on the lifecycle service. Contacts are filled so tests can check they never leak.
 */
export async function insertListing(
  services: Services,
  values: Partial<typeof listings.$inferInsert> & { authorityId: string; country: string },
) {
  const [row] = await services.db
    .insert(listings)
    .values({
      originalLanguage: 'fr',
      title: 'Adduction d’eau potable dans les quartiers périphériques',
      summary: 'Extension du réseau d’eau potable et formation des agents communaux.',
      themes: ['water_sanitation'],
      forms: ['thematic_project'],
      exchangeLanguages: ['fr'],
      status: 'published',
      publishedAt: new Date(),
      lastConfirmedAt: new Date(),
      expiresAt: new Date(Date.now() + 365 * 24 * 3600 * 1000),
      electedOfficial: { name: 'Awa Secret-Maire', title: 'Maire', email: 'maire.secret@example.sn' },
      technicalContact: { name: 'Moussa Secret-Technicien', title: 'DST', email: 'dst.secret@example.sn' },
      ...values,
    })
    .returning();
  return row!;
}
