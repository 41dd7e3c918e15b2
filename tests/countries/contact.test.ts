import { and, eq, sql } from 'drizzle-orm';
import { loadActor, type Actor } from '../../src/lib/server/auth/actor.js';
import { readCountryContact, saveCountryContact } from '../../src/lib/server/countries/contact.js';
import { countryContacts, trustEvents } from '../../src/lib/server/db/schema/index.js';
import { DomainError } from '../../src/lib/server/errors.js';
import type { Services } from '../../src/lib/server/runtime/services.js';
import { createUser } from '../helpers/fixtures.js';
import { describe, expect, test as it } from '../helpers/test.js';

/**
 * A country's institutional contact (its embassy's cooperation service): who may set it (docs/PERMISSIONS.md),
 * every field checked on its own name before anything is written, optimistic concurrency, and the audit trail.
 */
const SERVICE = "Service de coopération et d'action culturelle, Ambassade de France au Sénégal";
const GOOD = {
  serviceName: SERVICE,
  email: 'scac.dakar@diplomatie.gouv.fr',
  phone: '+221 33 839 51 00',
  website: 'sn.ambafrance.org',
};

async function actorFor(services: Services, role: Actor['role'], countries: string[] = []): Promise<Actor> {
  const user = await createUser(services, { role, countries });
  return (await loadActor(services.db, user.id, null))!;
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; field?: unknown; reason?: unknown }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const e = error as DomainError;
  return { status: e.status, field: e.details.field, reason: e.details.reason };
}

const rows = (services: Services, country: string) =>
  services.db.select().from(countryContacts).where(eq(countryContacts.country, country));
const audits = (services: Services) =>
  services.db
    .select()
    .from(trustEvents)
    .where(eq(trustEvents.action, 'country_contact.update'))
    .orderBy(trustEvents.id);

describe('country institutional contact', () => {
  it('only the admin and the correspondents covering the country set it; nothing is written otherwise', async ({
    services,
  }) => {
    const db = services.db;
    const ofMorocco = await actorFor(services, 'correspondent', ['MA']);
    const french = (await loadActor(db, (await createUser(services, { role: 'french_authority' })).id, null))!;
    expect(await refusal(saveCountryContact(db, null, 'SN', GOOD, 0))).toMatchObject({ status: 401 });
    expect(await refusal(saveCountryContact(db, ofMorocco, 'SN', GOOD, 0))).toMatchObject({ status: 403 });
    expect(await refusal(saveCountryContact(db, french, 'SN', GOOD, 0))).toMatchObject({ status: 403 });
    expect(await rows(services, 'SN')).toHaveLength(0);
    expect(await readCountryContact(db, 'SN')).toBeNull();

    const ofSenegal = await actorFor(services, 'correspondent', ['SN', 'GM']);
    const saved = await saveCountryContact(db, ofSenegal, 'sn', GOOD, 0);
    expect(saved).toMatchObject({
      country: 'SN',
      serviceName: SERVICE,
      email: 'scac.dakar@diplomatie.gouv.fr',
      phone: '+221 33 839 51 00',
      website: 'https://sn.ambafrance.org',
      version: 1,
    });
    const admin = await actorFor(services, 'admin');
    const edited = await saveCountryContact(db, admin, 'SN', { ...GOOD, phone: '', website: '' }, 1);
    expect(edited).toMatchObject({ phone: null, website: null, version: 2 });

    const trail = await audits(services);
    expect(trail.map((t) => [t.actorId, t.actorRole])).toEqual([
      [ofSenegal.userId, 'correspondent'],
      [admin.userId, 'admin'],
    ]);
    expect(trail[1]!.details).toEqual({
      country: 'SN',
      before: { phone: '+221 33 839 51 00', website: 'https://sn.ambafrance.org' },
      after: { phone: null, website: null },
    });
  });

  it('refuses a bad email, phone, web address or a missing service name on its field, writing nothing', async ({
    services,
  }) => {
    const db = services.db;
    const admin = await actorFor(services, 'admin');
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ email: 'scac.dakar' }, 'email', 'email'],
      [{ email: '' }, 'email', 'required'],
      [{ serviceName: '  ' }, 'serviceName', 'required'],
      [{ serviceName: 'SCAC\u0000' }, 'serviceName', 'invalid'],
      [{ phone: '12' }, 'phone', 'phone'],
      [{ phone: 'call us' }, 'phone', 'phone'],
      [{ phone: '+221 33 839 51 00 ext 4' }, 'phone', 'phone'],
      [{ website: 'javascript:alert(1)' }, 'website', 'web_address'],
      [{ website: 'https://intranet' }, 'website', 'web_address'],
    ];
    for (const [change, field, reason] of cases) {
      const got = await refusal(saveCountryContact(db, admin, 'CM', { ...GOOD, ...change }, 0));
      expect({ change, status: got.status, field: got.field }).toEqual({ change, status: 400, field });
      if (reason !== 'invalid') expect(got.reason).toBe(reason);
    }
    expect(await rows(services, 'CM')).toHaveLength(0);
    // An existing contact stays as it was when an edit is refused.
    await saveCountryContact(db, admin, 'CM', GOOD, 0);
    await refusal(saveCountryContact(db, admin, 'CM', { ...GOOD, email: 'nope', serviceName: 'Autre' }, 1));
    expect(await readCountryContact(db, 'CM')).toMatchObject({ serviceName: SERVICE, version: 1 });
    // An unknown country is not found, before any permission question.
    expect(await refusal(saveCountryContact(db, admin, 'ZZ', GOOD, 0))).toMatchObject({ status: 404 });
    expect(await refusal(saveCountryContact(db, admin, '../SN', GOOD, 0))).toMatchObject({ status: 404 });
  });

  it('a save from a stale form is a conflict, never an overwrite', async ({ services }) => {
    const db = services.db;
    const first = await actorFor(services, 'correspondent', ['BJ']);
    const second = await actorFor(services, 'admin');
    await saveCountryContact(db, first, 'BJ', GOOD, 0);
    // Both opened the form at version 1; the second save loses.
    await saveCountryContact(db, first, 'BJ', { ...GOOD, phone: '+229 21 36 55 33' }, 1);
    expect(
      await refusal(saveCountryContact(db, second, 'BJ', { ...GOOD, serviceName: 'Ambassade de France au Bénin' }, 1)),
    ).toMatchObject({ status: 409, reason: 'stale_version' });
    // Two first saves (version 0) for a country with no contact: exactly one wins.
    const results = await Promise.allSettled([
      saveCountryContact(db, second, 'TG', GOOD, 0),
      saveCountryContact(db, second, 'TG', { ...GOOD, serviceName: 'Ambassade de France au Togo' }, 0),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await readCountryContact(db, 'BJ')).toMatchObject({ phone: '+229 21 36 55 33', version: 2 });
    const [counted] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(trustEvents)
      .where(and(eq(trustEvents.action, 'country_contact.update'), sql`${trustEvents.details}->>'country' = 'TG'`));
    expect(counted?.n).toBe(1);
  });
});
