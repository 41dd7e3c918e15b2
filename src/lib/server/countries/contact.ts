import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import { normaliseEmail, normaliseName } from '../auth/input.js';
import type { Database } from '../db/index.js';
import { countryContacts } from '../db/schema/index.js';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import { parsePhone } from '../input/phone.js';
import { parseWebAddress } from '../input/web-address.js';
import { assertMayEditCountryContact } from '../permissions/country-contact.js';
import { findCountry } from '../../reference/index.js';
import { recordTrustEvent } from '../trust/audit.js';

/** What the public sees: an embassy service, never a person. */
export interface CountryContact {
  serviceName: string;
  email: string;
  phone: string | null;
  website: string | null;
}

export interface CountryContactView extends CountryContact {
  country: string;
  /** The version the edit form read (0: no contact yet). */
  version: number;
}

const FIELDS = ['serviceName', 'email', 'phone', 'website'] as const;
const CONTROL = /[\u0000-\u001f\u007f]/;

function text(raw: unknown, field: string): string {
  if (raw !== undefined && raw !== null && typeof raw !== 'string')
    throw new InvalidInput(field, 'This field must be text.');
  const value = (raw ?? '').trim();
  if (CONTROL.test(value)) throw new InvalidInput(field, 'This field contains control characters.');
  return value;
}

/** Every field checked at once, on its own field name, before anything is written. */
export function checkedCountryContact(raw: Record<string, unknown>): CountryContact {
  const serviceName = text(raw.serviceName, 'serviceName');
  if (serviceName === '') throw new InvalidInput('serviceName', 'Name the service.', { reason: 'required' });
  const email = text(raw.email, 'email');
  if (email === '') throw new InvalidInput('email', 'An institutional email is required.', { reason: 'required' });
  return {
    serviceName: normaliseName(serviceName, 'serviceName', 200),
    email: normaliseEmail(email, 'email'),
    phone: parsePhone(text(raw.phone, 'phone'), 'phone'),
    website: parseWebAddress(text(raw.website, 'website'), 'website'),
  };
}

function knownCountry(code: string): string {
  const upper = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper) || !findCountry(upper)) throw new NotFound('This country');
  return upper;
}

/** The country's contact, or null when nobody has set one yet. Public data only. */
export async function readCountryContact(db: Database, code: string): Promise<CountryContactView | null> {
  const country = knownCountry(code);
  const [row] = await db.select().from(countryContacts).where(eq(countryContacts.country, country)).limit(1);
  if (!row) return null;
  return {
    country: row.country,
    serviceName: row.serviceName,
    email: row.email,
    phone: row.phone,
    website: row.website,
    version: row.version,
  };
}

/**
 * The admin, or a correspondent covering the country, sets its institutional contact. `version` is what the form
 * read (0 when there was none): a colleague's save in between is a conflict, never overwritten. The change is
 * audited (before and after) in the trust trail, in the same transaction.
 */
export async function saveCountryContact(
  db: Database,
  actor: Actor | null,
  code: string,
  raw: Record<string, unknown>,
  version: number,
): Promise<CountryContactView> {
  const country = knownCountry(code);
  assertMayEditCountryContact(actor, country);
  const input = checkedCountryContact(raw);
  const stale = () =>
    new Conflict('Someone changed this contact since you opened the form: reload it and apply your change again.', {
      reason: 'stale_version',
    });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(countryContacts)
      .where(eq(countryContacts.country, country))
      .limit(1)
      .for('update');
    if ((row?.version ?? 0) !== version) throw stale();
    const changed = FIELDS.filter((f) => (row?.[f] ?? null) !== input[f]);
    if (changed.length === 0) return;
    if (!row) {
      // Two first saves at once: the primary key keeps one, the other is told to reload.
      const [inserted] = await tx
        .insert(countryContacts)
        .values({ country, ...input, updatedBy: actor.userId })
        .onConflictDoNothing()
        .returning({ country: countryContacts.country });
      if (!inserted) throw stale();
    } else {
      await tx
        .update(countryContacts)
        .set({ ...input, version: row.version + 1, updatedBy: actor.userId, updatedAt: new Date() })
        .where(eq(countryContacts.country, country));
    }
    await recordTrustEvent(tx, {
      actor,
      action: 'country_contact.update',
      details: {
        country,
        before: row ? Object.fromEntries(changed.map((f) => [f, row[f]])) : null,
        after: Object.fromEntries(changed.map((f) => [f, input[f]])),
      },
    });
  });
  return (await readCountryContact(db, country))!;
}
