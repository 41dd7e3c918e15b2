import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import { normaliseEmail } from '../auth/input.js';
import type { Database } from '../db/index.js';
import { supportContacts } from '../db/schema/index.js';
import { Conflict, InvalidInput, NotFound, PreconditionRequired } from '../errors.js';
import { isUuid } from '../ids.js';
import { assertCanAdministerCatalogue } from './permissions.js';
import { REFERENCE_SUPPORT_CONTACTS } from './reference.js';

export type SupportContact = typeof supportContacts.$inferSelect;
export const SUPPORT_KINDS = ['rrma', 'cdpr', 'network', 'other'] as const;

/** Who helps the French authorities of a région (RRMA first). Public: institutional contacts only. */
export async function supportFor(db: Database, region: string | null): Promise<SupportContact[]> {
  if (!region) return [];
  return db
    .select()
    .from(supportContacts)
    .where(eq(supportContacts.region, region))
    .orderBy(sql`${supportContacts.kind} <> 'rrma'`, asc(supportContacts.name));
}

export async function listSupportContacts(db: Database): Promise<SupportContact[]> {
  return db.select().from(supportContacts).orderBy(asc(supportContacts.region), asc(supportContacts.name));
}

const CONTROL = /[\u0000-\u001f\u007f]/;
function field(raw: unknown, name: string, max: number, required = false): string | null {
  if (raw !== undefined && raw !== null && typeof raw !== 'string')
    throw new InvalidInput(name, `${name} must be text.`);
  const value = (raw ?? '').trim();
  if (CONTROL.test(value)) throw new InvalidInput(name, `${name} contains control characters.`);
  if (required && value.length < 2) throw new InvalidInput(name, `${name} is required.`, { reason: 'required' });
  if (value.length > max)
    throw new InvalidInput(name, `${name} must have at most ${max} characters.`, { reason: 'max_length', max });
  return value || null;
}

export function validateSupportContact(raw: Record<string, unknown>, regions: readonly string[]) {
  const region = field(raw.region, 'region', 100, true)!;
  if (!regions.includes(region)) throw new InvalidInput('region', 'region must be a French région.');
  const kind = field(raw.kind, 'kind', 20, true)!;
  if (!(SUPPORT_KINDS as readonly string[]).includes(kind))
    throw new InvalidInput('kind', `kind must be one of ${SUPPORT_KINDS.join(', ')}.`);
  const website = field(raw.website, 'website', 300);
  if (website) {
    let url: URL | null;
    try {
      url = new URL(website);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
      throw new InvalidInput('website', 'website must be a web address starting with https://.');
  }
  const email = field(raw.email, 'email', 254);
  return {
    region,
    kind,
    name: field(raw.name, 'name', 200, true)!,
    website,
    email: email ? normaliseEmail(email, 'email') : null,
    address: field(raw.address, 'address', 300),
    source: field(raw.source, 'source', 1000) ?? '',
  };
}

export async function saveSupportContact(
  db: Database,
  actor: Actor | null,
  id: string | null,
  raw: Record<string, unknown>,
  regions: readonly string[],
  expectedVersion?: number,
): Promise<SupportContact> {
  assertCanAdministerCatalogue(actor);
  const input = validateSupportContact(raw, regions);
  if (id === null) {
    const [row] = await db
      .insert(supportContacts)
      .values({ ...input, updatedBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new Conflict(`${input.region} already has a contact named ${input.name}.`);
    return row;
  }
  if (!isUuid(id)) throw new NotFound('This contact');
  const [clash] = await db
    .select({ id: supportContacts.id })
    .from(supportContacts)
    .where(
      and(
        eq(supportContacts.region, input.region),
        eq(supportContacts.name, input.name),
        sql`${supportContacts.id} <> ${id}`,
      ),
    );
  if (clash) throw new Conflict(`${input.region} already has a contact named ${input.name}.`);
  if (expectedVersion === undefined || !Number.isInteger(expectedVersion))
    throw new PreconditionRequired('Say which version you edited.');
  const [row] = await db
    .update(supportContacts)
    .set({ ...input, version: sql`${supportContacts.version} + 1`, updatedBy: actor.userId, updatedAt: new Date() })
    .where(and(eq(supportContacts.id, id), eq(supportContacts.version, expectedVersion)))
    .returning();
  if (row) return row;
  const [exists] = await db.select({ id: supportContacts.id }).from(supportContacts).where(eq(supportContacts.id, id));
  if (!exists) throw new NotFound('This contact');
  throw new Conflict('Someone else changed this contact meanwhile: reload it and apply your change again.');
}

export async function deleteSupportContact(db: Database, actor: Actor | null, id: string): Promise<void> {
  assertCanAdministerCatalogue(actor);
  if (!isUuid(id)) throw new NotFound('This contact');
  const deleted = await db
    .delete(supportContacts)
    .where(eq(supportContacts.id, id))
    .returning({ id: supportContacts.id });
  if (!deleted.length) throw new NotFound('This contact');
}

/**
 * Fills an empty table with the cited reference networks. Once admins keep the table, it is theirs: a contact they
 * deleted does not come back at the next start.
 */
export async function loadSupportReference(db: Database): Promise<number> {
  const [any] = await db.select({ id: supportContacts.id }).from(supportContacts).limit(1);
  if (any) return 0;
  // Two processes starting together: the unique (région, name) keeps one copy.
  const added = await db
    .insert(supportContacts)
    .values(REFERENCE_SUPPORT_CONTACTS.map((c) => ({ ...c })))
    .onConflictDoNothing()
    .returning({ id: supportContacts.id });
  return added.length;
}
