import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { authorities, users } from '../db/schema/index.js';
import { verifyAuthority } from '../authorities/verify.js';
import { Forbidden, InvalidInput, NotFound } from '../errors.js';
import { coversCountry } from '../listings/permissions.js';
import type { Actor } from './actor.js';

type Tx = Pick<Database, 'select' | 'update'>;

/** Host of a website without "www.", or null when it is not a URL. */
export function websiteHost(website: string | null | undefined): string | null {
  if (!website) return null;
  try {
    const url = new URL(/^https?:\/\//i.test(website) ? website : `https://${website}`);
    return url.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** marie@lyon.fr or marie@mairie.lyon.fr belongs to lyon.fr; a mailbox at a webmail provider never matches. */
export function emailMatchesWebsite(email: string, website: string | null | undefined): boolean {
  const host = websiteHost(website);
  const domain = email.split('@').pop()?.toLowerCase();
  if (!host || !domain || !host.includes('.')) return false;
  return domain === host || domain.endsWith(`.${host}`);
}

/** Approves the person; a French authority (never listed in search) is verified along with its first member. */
async function markApproved(tx: Tx, userId: string, frenchAuthorityId: string | null, by: string | null): Promise<void> {
  await tx.update(users).set({ approvedAt: sql`coalesce(${users.approvedAt}, now())`, updatedAt: sql`now()` }).where(eq(users.id, userId));
  if (frenchAuthorityId) {
    await tx
      .update(authorities)
      .set({ verifiedAt: sql`now()`, verifiedBy: by, updatedAt: sql`now()` })
      .where(and(eq(authorities.id, frenchAuthorityId), eq(authorities.kind, 'french'), isNull(authorities.verifiedAt)));
  }
}

/**
 * A French authority's member whose verified address sits on the authority's own web domain is vouched for by
 * that domain: the member is approved and, if needed, the authority verified.
 */
export async function trustByEmailDomain(tx: Tx, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ user: users, website: authorities.website, kind: authorities.kind })
    .from(users)
    .innerJoin(authorities, eq(authorities.id, users.authorityId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.kind !== 'french' || row.user.approvedAt || !row.user.emailVerifiedAt) return false;
  if (!emailMatchesWebsite(row.user.email, row.website)) return false;
  await markApproved(tx, userId, row.user.authorityId, null);
  return true;
}

/**
 * Who may vouch for an authority member: an admin for anyone; a correspondent only for foreign authorities of the
 * countries they cover (a correspondent for Senegal has no say over a Moroccan account).
 */
export function assertMayVouch(actor: Actor, target: { authorityKind: string | null; country: string | null }): void {
  if (actor.role === 'admin') return;
  if (target.authorityKind === 'foreign' && target.country && coversCountry(actor, target.country)) return;
  throw new Forbidden('You may not approve this account: it is outside the countries you cover.');
}

/**
 * Approves a member of an authority and verifies the authority if it was not yet (a foreign one through
 * verifyAuthority, which also refreshes its requests in the search index).
 */
export async function approveUser(db: Database, actor: Actor, userId: string): Promise<void> {
  const target = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ role: users.role, authorityId: users.authorityId, kind: authorities.kind, country: authorities.country })
      .from(users)
      .leftJoin(authorities, eq(authorities.id, users.authorityId))
      .where(eq(users.id, userId))
      .for('update', { of: users })
      .limit(1);
    if (!row) throw new NotFound('The account');
    if (row.role !== 'french_authority' && row.role !== 'foreign_authority') {
      throw new InvalidInput('userId', 'Only members of an authority are approved this way.');
    }
    assertMayVouch(actor, { authorityKind: row.kind, country: row.country });
    await markApproved(tx, userId, row.kind === 'french' ? row.authorityId : null, actor.userId);
    return row;
  });
  if (target.kind === 'foreign' && target.authorityId) await verifyAuthority(db, actor, target.authorityId);
}
