import { sql } from 'drizzle-orm';
import { users } from '../db/schema/index.js';
import { Conflict } from '../errors.js';
import { composeMail } from '../notifications/account-mails.js';
import { sendMail } from '../mail/mailer.js';
import type { Services } from '../runtime/services.js';
import { normaliseEmail, normaliseLocale, normaliseName } from './input.js';
import { links } from './links.js';
import { issueToken } from './one-time-token.js';
import { findUserByEmail } from './users.js';

/**
 * How an administrator gets an account on a platform with no demo data (the first one, or a replacement): the
 * operator creates it from the command line, without a password; the person chooses theirs through a
 * password-reset link, printed for the operator and mailed to them. Run again for an existing administrator, it
 * issues a fresh link (the previous one expires after an hour).
 */
export async function createAdministrator(
  services: Services,
  input: { email: string; displayName: string; locale?: string },
): Promise<{ userId: string; created: boolean; link: string; expiresAt: Date }> {
  const email = normaliseEmail(input.email);
  const displayName = normaliseName(input.displayName, 'name');
  const locale = normaliseLocale(input.locale ?? 'fr');
  let user = await findUserByEmail(services.db, email);
  let created = false;
  if (user && user.role !== 'admin')
    throw new Conflict(`${email} already has an account with the role "${user.role}", not an administrator's.`);
  if (!user) {
    const [row] = await services.db
      .insert(users)
      .values({ email, displayName, locale, role: 'admin', passwordHash: null, approvedAt: sql`now()` })
      .returning();
    user = row!;
    created = true;
  }
  const { token, expiresAt } = await issueToken(services.db, {
    purpose: 'password_reset',
    userId: user.id,
    email: user.email,
  });
  const link = links.resetPassword(services.config.origin, token);
  await sendMail(
    services,
    composeMail('password_reset', user.locale, user.email, { name: user.displayName, hours: '1', link }),
  );
  return { userId: user.id, created, link, expiresAt };
}
