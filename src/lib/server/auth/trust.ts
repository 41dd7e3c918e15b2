import { eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { authorities, users } from '../db/schema/index.js';
import { markApproved } from '../trust/approve.js';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

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

/** The domain part of an address, lower-cased. */
export function emailDomain(email: string): string {
  return (email.split('@').pop() ?? '').toLowerCase();
}

/** marie@lyon.fr or marie@mairie.lyon.fr belongs to lyon.fr; a mailbox at a webmail provider never matches. */
export function emailOnDomain(email: string, domain: string | null | undefined): boolean {
  const mailDomain = emailDomain(email);
  if (!domain || !mailDomain || !domain.includes('.')) return false;
  return mailDomain === domain || mailDomain.endsWith(`.${domain}`);
}

export function emailMatchesWebsite(email: string, website: string | null | undefined): boolean {
  return emailOnDomain(email, websiteHost(website));
}

/**
 * A French collectivité's member whose verified address sits on one of its known domains (recorded by an admin,
 * or its website's) is vouched for by that domain: approved at once, audited as such.
 */
export async function trustByEmailDomain(tx: Tx, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ user: users, website: authorities.website, domains: authorities.emailDomains, kind: authorities.kind })
    .from(users)
    .innerJoin(authorities, eq(authorities.id, users.authorityId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.kind !== 'french' || row.user.membership !== 'pending' || !row.user.emailVerifiedAt) return false;
  const known = [...row.domains, websiteHost(row.website)].filter((d): d is string => !!d);
  const domain = known.find((d) => emailOnDomain(row.user.email, d));
  if (!domain) return false;
  await markApproved(tx, userId, null, `email_domain:${domain}`);
  return true;
}
