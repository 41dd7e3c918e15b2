import { and, eq, gt, sql } from 'drizzle-orm';
import { authorities, correspondentCountries, oneTimeTokens, users } from '../db/schema/index.js';
import { Forbidden, InvalidInput, TooManyRequests } from '../errors.js';
import { countryName } from '../../reference/index.js';
import { composeMail } from '../notifications/account-mails.js';
import { mailLocale } from '../notifications/language.js';
import { sendMail } from '../mail/mailer.js';
import type { Services } from '../runtime/services.js';
import type { Actor, Role } from './actor.js';
import { normaliseEmail, normaliseLocale, normaliseName, optionalText } from './input.js';
import { links } from './links.js';
import { consumeToken, issueToken, peekToken, TOKEN_TTL_MS, type Executor } from './one-time-token.js';
import { hashPassword } from './password.js';
import { assertAcceptablePassword } from './password-policy.js';
import { coveredCountries } from '../staff/staff.js';
import { dispatch, recordNotification } from '../notifications/events.js';
import { assertEmailFree } from './users.js';
import { assertMaySendFor } from '../permissions/membership.js';

/** What an invitation grants, decided by the inviter and carried in the token's payload. */
export interface InvitationGrant {
  role: Role;
  authorityId: string | null;
  countries: string[];
  invitedBy: string;
}

/**
 * Invitations a day: an approved member could otherwise turn the service into a mail cannon (40 invitations to
 * strangers, each carrying a name of their choosing). Per inviter, and per authority so that several members
 * together cannot multiply it; staff invite more (a new country's correspondents).
 */
export const INVITATION_LIMITS = { perInviter: 10, perAuthority: 25, perStaffInviter: 50 } as const;
const DAY = sql`interval '24 hours'`;

/** Refuses with 429 (Retry-After: until the oldest invitation of the day leaves the window) when over a limit. */
async function assertUnderInvitationLimits(tx: Executor, grant: InvitationGrant): Promise<void> {
  const recent = (condition: ReturnType<typeof sql>) =>
    tx
      .select({ n: sql<number>`count(*)::int`, oldest: sql<Date | null>`min(${oneTimeTokens.createdAt})` })
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.purpose, 'invitation'), gt(oneTimeTokens.createdAt, sql`now() - ${DAY}`), condition));
  const checks: Array<[ReturnType<typeof sql>, number]> = [
    [
      sql`${oneTimeTokens.payload}->>'invitedBy' = ${grant.invitedBy}`,
      grant.authorityId ? INVITATION_LIMITS.perInviter : INVITATION_LIMITS.perStaffInviter,
    ],
  ];
  if (grant.authorityId)
    checks.push([sql`${oneTimeTokens.payload}->>'authorityId' = ${grant.authorityId}`, INVITATION_LIMITS.perAuthority]);
  for (const [condition, max] of checks) {
    const [row] = await recent(condition);
    if ((row?.n ?? 0) >= max) {
      const oldest = row?.oldest ? new Date(row.oldest).getTime() : Date.now();
      const retryAfterSeconds = Math.max(60, Math.ceil((oldest + 24 * 3600 * 1000 - Date.now()) / 1000));
      throw new TooManyRequests(`At most ${max} invitations a day. Try again later.`, retryAfterSeconds);
    }
  }
}

/** Issues an invitation link for a grant and mails it in `locale` (also kept, so a resent mail reads the same). */
export async function sendInvitation(
  services: Services,
  actor: Actor,
  email: string,
  grant: InvitationGrant,
  authorityName: string | null,
  locale: string,
) {
  await assertEmailFree(services.db, email);
  const { token, expiresAt } = await services.db.transaction(async (tx) => {
    // One invitation at a time per authority (or staff inviter), so that a burst cannot slip past the count.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`invitations:${grant.authorityId ?? grant.invitedBy}`}))`,
    );
    await assertUnderInvitationLimits(tx, grant);
    return issueToken(tx, { purpose: 'invitation', email, payload: { ...grant, locale } });
  });
  const link = links.invitation(services.config.origin, token, locale);
  const mailSent = await sendMail(
    services,
    composeMail('invitation', locale, email, {
      inviter: actor.displayName,
      role: grant.role,
      authority: authorityName ?? '',
      countries: grant.countries.map((code) => countryName(code, mailLocale(locale))).join(', '),
      days: String(TOKEN_TTL_MS.invitation / 86_400_000),
      link,
    }),
  );
  return { email, role: grant.role, countries: grant.countries, expiresAt, mailSent };
}

/** Admins appoint correspondents (with the countries they cover) and other admins. */
export async function inviteStaff(
  services: Services,
  actor: Actor,
  input: { email: string; role: 'correspondent' | 'admin'; countries?: string[]; locale?: string | null },
) {
  if (actor.role !== 'admin')
    throw new Forbidden('Only an administrator can invite correspondents and administrators.');
  const email = normaliseEmail(input.email);
  const countries = input.role === 'correspondent' ? coveredCountries(input.countries ?? []) : [];
  if (input.role === 'admin' && input.countries?.length)
    throw new InvalidInput('countries', 'An administrator covers no particular country.');
  return sendInvitation(
    services,
    actor,
    email,
    { role: input.role, authorityId: null, countries, invitedBy: actor.userId },
    null,
    normaliseLocale(input.locale),
  );
}

/** An approved member of an authority brings in a colleague of the same authority. */
export async function inviteColleague(
  services: Services,
  actor: Actor,
  input: { email: string; locale?: string | null },
) {
  if ((actor.role !== 'french_authority' && actor.role !== 'foreign_authority') || !actor.authorityId) {
    throw new Forbidden('Only members of an authority can invite colleagues.');
  }
  assertMaySendFor(actor, actor.authorityId, 'Inviting a colleague');
  const email = normaliseEmail(input.email);
  const [authority] = await services.db
    .select({ name: authorities.name })
    .from(authorities)
    .where(eq(authorities.id, actor.authorityId))
    .limit(1);
  const grant = { role: actor.role, authorityId: actor.authorityId, countries: [], invitedBy: actor.userId };
  return sendInvitation(services, actor, email, grant, authority?.name ?? null, normaliseLocale(input.locale));
}

/** What the invitation page shows before the person accepts. */
export async function describeInvitation(services: Services, token: string) {
  const row = await peekToken(services.db, 'invitation', token);
  const grant = row.payload as unknown as InvitationGrant;
  const [authority] = grant.authorityId
    ? await services.db
        .select({ name: authorities.name })
        .from(authorities)
        .where(eq(authorities.id, grant.authorityId))
        .limit(1)
    : [];
  return {
    email: row.email!,
    role: grant.role,
    countries: grant.countries,
    authorityName: authority?.name ?? null,
    expiresAt: row.expiresAt,
  };
}

/**
 * Creates the invited account. The mail reached its owner, so the address is verified; the inviter vouched for
 * the person, so the account is approved.
 */
export async function acceptInvitation(
  services: Services,
  input: { token: string; displayName: string; password: string; jobTitle?: string | null; locale?: string | null },
): Promise<{ userId: string }> {
  const displayName = normaliseName(input.displayName, 'displayName');
  const jobTitle = optionalText(input.jobTitle, 'jobTitle');
  const locale = normaliseLocale(input.locale);
  const preview = await peekToken(services.db, 'invitation', input.token);
  assertAcceptablePassword(input.password, 'password', [preview.email!.split('@')[0]!, displayName]);
  const passwordHash = await hashPassword(input.password);
  const accepted = await services.db.transaction(async (tx) => {
    const row = await consumeToken(tx, 'invitation', input.token);
    const grant = row.payload as unknown as InvitationGrant;
    await assertEmailFree(tx, row.email!);
    const now = new Date();
    const [user] = await tx
      .insert(users)
      .values({
        email: row.email!,
        displayName,
        jobTitle,
        locale,
        passwordHash,
        role: grant.role,
        authorityId: grant.authorityId,
        emailVerifiedAt: now,
        approvedAt: now,
        membership: 'approved',
        membershipDecidedAt: now,
        membershipDecidedBy: grant.invitedBy,
      })
      .returning({ id: users.id });
    if (grant.countries.length)
      await tx.insert(correspondentCountries).values(grant.countries.map((country) => ({ userId: user!.id, country })));
    const eventId = await recordNotification(
      tx,
      'invitation_accepted',
      { userId: user!.id, inviterId: grant.invitedBy },
      user!.id,
    );
    return { userId: user!.id, eventId };
  });
  await dispatch(accepted.eventId);
  return { userId: accepted.userId };
}
