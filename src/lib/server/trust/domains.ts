import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities } from '../db/schema/index.js';
import { Forbidden, InvalidInput, NotFound, Unauthenticated } from '../errors.js';
import { isUuid } from '../ids.js';
import type { Services } from '../runtime/services.js';
import { emailOnDomain } from '../auth/trust.js';
import { reachableMembersOf } from '../permissions/membership.js';
import { markApproved } from './approve.js';
import { recordTrustEvent } from './audit.js';
import { notify } from '../notifications/events.js';

/**
 * Mailbox providers anyone can open an address at: never a collectivité's own domain. (No official source of
 * collectivités' mail domains is published on npm; admins record them from the French accounts queue.)
 */
const SHARED_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.fr',
  'yahoo.com',
  'hotmail.fr',
  'hotmail.com',
  'outlook.fr',
  'outlook.com',
  'live.fr',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'neuf.fr',
  'laposte.net',
  'bbox.fr',
  'aol.com',
  'gmx.fr',
  'gmx.com',
  'protonmail.com',
  'proton.me',
  'yandex.com',
  'mail.com',
  'club-internet.fr',
  'numericable.fr',
]);

export function normaliseDomain(raw: string): string {
  const domain = raw.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  if (!/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain))
    throw new InvalidInput('domain', 'This is not a mail domain such as lannion.fr.');
  if (SHARED_MAIL_DOMAINS.has(domain))
    throw new InvalidInput('domain', 'This domain is a public mailbox provider: anyone can have an address there.');
  return domain;
}

/**
 * An admin records a mail domain as a French collectivité's own. Its members whose verified address is on that
 * domain, waiting now or registering later, are approved at once (audited as approved by the domain).
 */
export async function recordAuthorityDomain(
  services: Services,
  actor: Actor | null,
  authorityId: string,
  rawDomain: string,
): Promise<{ domains: string[]; approved: number }> {
  if (!actor) throw new Unauthenticated();
  if (actor.role !== 'admin') throw new Forbidden('Only administrators record a collectivité’s mail domains.');
  const domain = normaliseDomain(rawDomain);
  if (!isUuid(authorityId)) throw new NotFound('This authority');
  const result = await services.db.transaction(async (tx) => {
    const [authority] = await tx
      .select()
      .from(authorities)
      .where(eq(authorities.id, authorityId))
      .for('update')
      .limit(1);
    if (!authority) throw new NotFound('This authority');
    if (authority.kind !== 'french')
      throw new InvalidInput('authorityId', 'Mail domains are recorded for French collectivités.');
    const domains = [...new Set([...authority.emailDomains, domain])].sort();
    await tx
      .update(authorities)
      .set({ emailDomains: domains, updatedAt: new Date() })
      .where(eq(authorities.id, authorityId));
    await recordTrustEvent(tx, { actor, action: 'authority.record_domain', authorityId, details: { domain } });
    const waiting = await reachableMembersOf(tx, authorityId, 'pending');
    const onDomain = waiting.filter((u) => emailOnDomain(u.email, domain));
    for (const u of onDomain) await markApproved(tx, u.id, actor, `email_domain:${domain}`);
    return { domains, approved: onDomain, name: authority.name };
  });
  for (const u of result.approved) await notify(services.db, 'member_approved', { userId: u.id }, actor.userId);
  return { domains: result.domains, approved: result.approved.length };
}

/** Removing a domain approves nobody and un-approves nobody: it only stops future automatic approvals. */
export async function removeAuthorityDomain(
  db: Database,
  actor: Actor | null,
  authorityId: string,
  rawDomain: string,
): Promise<string[]> {
  if (!actor) throw new Unauthenticated();
  if (actor.role !== 'admin') throw new Forbidden('Only administrators change a collectivité’s mail domains.');
  if (!isUuid(authorityId)) throw new NotFound('This authority');
  const domain = rawDomain.trim().toLowerCase();
  const [row] = await db
    .update(authorities)
    .set({ emailDomains: sql`array_remove(${authorities.emailDomains}, ${domain})`, updatedAt: new Date() })
    .where(and(eq(authorities.id, authorityId), eq(authorities.kind, 'french')))
    .returning({ domains: authorities.emailDomains });
  if (!row) throw new NotFound('This authority');
  await recordTrustEvent(db, { actor, action: 'authority.remove_domain', authorityId, details: { domain } });
  return row.domains;
}
