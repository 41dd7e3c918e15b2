import { eq, sql } from 'drizzle-orm';
import { users } from '../db/schema/index.js';
import { composeMail } from '../notifications/account-mails.js';
import { sendMail } from '../mail/mailer.js';
import type { Services } from '../runtime/services.js';
import { links } from './links.js';
import { consumeToken, InvalidToken, issueToken } from './one-time-token.js';
import { trustByEmailDomain } from './trust.js';
import { announceJoinRequest } from '../trust/membership.js';

export async function sendEmailVerification(
  services: Services,
  user: { id: string; email: string; displayName: string; locale: string },
): Promise<boolean> {
  const { token } = await issueToken(services.db, {
    purpose: 'email_verification',
    userId: user.id,
    email: user.email,
  });
  const link = links.verifyEmail(services.config.origin, token, user.locale);
  return sendMail(
    services,
    composeMail('verify_email', user.locale, user.email, { name: user.displayName, hours: '48', link }),
  );
}

/**
 * Marks the address verified; a French member on one of the collectivité's known domains is approved at the same
 * time. A member still pending is now announced to the authority's approved members (join request).
 */
export async function verifyEmail(services: Services, token: string): Promise<{ userId: string; approved: boolean }> {
  const result = await services.db.transaction(async (tx) => {
    const row = await consumeToken(tx, 'email_verification', token);
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(users.id, row.userId ?? '00000000-0000-0000-0000-000000000000'))
      .limit(1);
    // The address changed since the mail left: the link proves nothing about the new one.
    if (!user || user.email.toLowerCase() !== row.email?.toLowerCase()) throw new InvalidToken();
    await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, updatedAt: sql`now()` })
      .where(eq(users.id, user.id));
    const approved = (await trustByEmailDomain(tx, user.id)) || user.membership === 'approved';
    return { userId: user.id, approved, announce: !approved && user.membership === 'pending' && !user.emailVerifiedAt };
  });
  if (result.announce) await announceJoinRequest(services, result.userId);
  return { userId: result.userId, approved: result.approved };
}
