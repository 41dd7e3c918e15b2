import { and, eq, or, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import {
  authorities,
  conversationMessages,
  correspondentCountries,
  listings,
  moderationEvents,
  partnerships,
  savedSearches,
  sessions,
  trustEvents,
  users,
} from '../db/schema/index.js';
import { recordTrustEvent } from '../trust/audit.js';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import type { Actor } from './actor.js';
import { normaliseLocale, normaliseName, optionalText } from './input.js';
import { openSession, type LoginResult } from './login.js';
import { hashPassword, verifyPassword } from './password.js';
import { assertAcceptablePassword } from './password-policy.js';
import { listSessions } from './session.js';
import { assertNotThrottled, clearClientFailures, recordFailure, throttleKeys } from './throttle.js';
import { findUserById } from './users.js';

export async function getProfile(db: Database, actor: Actor) {
  const user = await findUserById(db, actor.userId);
  if (!user) throw new NotFound('The account');
  const [authority] = user.authorityId
    ? await db
        .select({
          id: authorities.id,
          name: authorities.name,
          kind: authorities.kind,
          country: authorities.country,
          verified: sql<boolean>`${authorities.verifiedAt} is not null`,
        })
        .from(authorities)
        .where(eq(authorities.id, user.authorityId))
        .limit(1)
    : [];
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    jobTitle: user.jobTitle,
    locale: normaliseLocale(user.locale),
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    approved: user.authorityId ? user.membership === 'approved' : user.approvedAt !== null,
    membership: user.authorityId ? user.membership : null,
    membershipReason: user.membershipReason,
    countries: actor.countries,
    authority: authority ?? null,
    createdAt: user.createdAt,
  };
}

export async function updateProfile(
  db: Database,
  actor: Actor,
  input: { displayName?: string; jobTitle?: string | null; locale?: string },
): Promise<void> {
  const changes: Partial<typeof users.$inferInsert> = {};
  if (input.displayName !== undefined) changes.displayName = normaliseName(input.displayName, 'displayName');
  if (input.jobTitle !== undefined) changes.jobTitle = optionalText(input.jobTitle, 'jobTitle');
  if (input.locale !== undefined) changes.locale = normaliseLocale(input.locale);
  if (Object.keys(changes).length === 0) return;
  await db
    .update(users)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(users.id, actor.userId));
}

/** Guessing the current password from a stolen session is throttled like a sign-in. */
async function assertCurrentPassword(db: Database, actor: Actor, password: string, field: string): Promise<void> {
  // The session is the client here: a thief guessing from a stolen session slows only that session down.
  const keys = throttleKeys(actor.email, { device: actor.sessionId ? `session:${actor.sessionId}` : null });
  await assertNotThrottled(db, keys);
  const user = await findUserById(db, actor.userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    await recordFailure(db, keys);
    throw new InvalidInput(field, 'The current password is incorrect.', { reason: 'current_password' });
  }
  await clearClientFailures(db, keys);
}

/** Every session ends (a thief holding one is out); the person continues in a fresh one. */
export async function changePassword(
  db: Database,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; userAgent?: string | null },
): Promise<LoginResult> {
  await assertCurrentPassword(db, actor, input.currentPassword, 'currentPassword');
  assertAcceptablePassword(input.newPassword, 'newPassword', [actor.email.split('@')[0]!, actor.displayName]);
  if (input.newPassword === input.currentPassword)
    throw new InvalidInput('newPassword', 'The new password must differ from the current one.');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, actor.userId));
    await tx.delete(sessions).where(eq(sessions.userId, actor.userId));
  });
  return openSession(db, actor.userId, input.userAgent);
}

/** Everything we hold about the person (GDPR art. 15 and 20), as one JSON document. Never secrets. */
export async function exportMyData(db: Database, actor: Actor) {
  const profile = await getProfile(db, actor);
  const countries = await db
    .select()
    .from(correspondentCountries)
    .where(eq(correspondentCountries.userId, actor.userId));
  const created = await db
    .select({ id: listings.id, title: listings.title, status: listings.status, createdAt: listings.createdAt })
    .from(listings)
    .where(eq(listings.createdBy, actor.userId));
  const openSessions = (await listSessions(db, actor.userId, actor.sessionId)).map(({ id, ...rest }) => ({
    id: `${id.slice(0, 6)}…`,
    ...rest,
  }));
  const messages = await db
    .select({
      conversationId: conversationMessages.conversationId,
      side: conversationMessages.senderSide,
      body: conversationMessages.body,
      createdAt: conversationMessages.createdAt,
    })
    .from(conversationMessages)
    .where(eq(conversationMessages.senderId, actor.userId))
    .orderBy(conversationMessages.id);
  const searches = await db
    .select({
      name: savedSearches.name,
      query: savedSearches.query,
      frequency: savedSearches.frequency,
      active: savedSearches.active,
      createdAt: savedSearches.createdAt,
      lastNotifiedAt: savedSearches.lastNotifiedAt,
    })
    .from(savedSearches)
    .where(eq(savedSearches.userId, actor.userId));
  const partnershipRows = await db
    .select({
      id: partnerships.id,
      foreignAuthorityId: partnerships.foreignAuthorityId,
      frenchAuthorityId: partnerships.frenchAuthorityId,
      status: partnerships.status,
      source: partnerships.source,
      startedOn: partnerships.startedOn,
      createdBy: partnerships.createdBy,
      confirmedBy: partnerships.confirmedBy,
      endedBy: partnerships.endedBy,
      createdAt: partnerships.createdAt,
      confirmedAt: partnerships.confirmedAt,
      endedAt: partnerships.endedAt,
      endReason: partnerships.endReason,
    })
    .from(partnerships)
    .where(
      or(
        eq(partnerships.createdBy, actor.userId),
        eq(partnerships.confirmedBy, actor.userId),
        eq(partnerships.endedBy, actor.userId),
      ),
    );
  const trail = await db
    .select({
      action: trustEvents.action,
      actorId: trustEvents.actorId,
      subjectUserId: trustEvents.subjectUserId,
      authorityId: trustEvents.authorityId,
      partnershipId: trustEvents.partnershipId,
      reason: trustEvents.reason,
      createdAt: trustEvents.createdAt,
    })
    .from(trustEvents)
    .where(or(eq(trustEvents.actorId, actor.userId), eq(trustEvents.subjectUserId, actor.userId)))
    .orderBy(trustEvents.id);
  const moderation = await db
    .select({
      listingId: moderationEvents.listingId,
      action: moderationEvents.action,
      fromStatus: moderationEvents.fromStatus,
      toStatus: moderationEvents.toStatus,
      comment: moderationEvents.comment,
      createdAt: moderationEvents.createdAt,
    })
    .from(moderationEvents)
    .where(eq(moderationEvents.actorId, actor.userId))
    .orderBy(moderationEvents.id);
  const mine = (id: string | null) => id === actor.userId;
  return {
    exportedAt: new Date().toISOString(),
    profile,
    correspondentCountries: countries.map((c) => ({ country: c.country, assignedAt: c.assignedAt })),
    listingsCreated: created,
    messages,
    savedSearches: searches,
    partnerships: partnershipRows.map(({ createdBy, confirmedBy, endedBy, ...p }) => ({
      ...p,
      declaredByMe: mine(createdBy),
      confirmedByMe: mine(confirmedBy),
      endedByMe: mine(endedBy),
    })),
    // Decisions taken by the person or about them (memberships, domains, merges, partnerships), and their steps on requests.
    auditActions: { trust: trail, requests: moderation },
    sessions: openSessions,
  };
}

/**
 * Erases the account and everything personal tied to it (sessions, tokens, countries, saved searches cascade).
 * The authority, its listings, its conversations and its confirmed partnerships stay: they belong to the
 * authority (created_by / sender become empty). Partnership claims the person made that nobody confirmed are
 * withdrawn, so nothing stands in the authority's name on their word alone.
 */
export async function deleteMyAccount(db: Database, actor: Actor, password: string): Promise<void> {
  await assertCurrentPassword(db, actor, password, 'password');
  await db.transaction(async (tx) => {
    // A claim the person made and nobody confirmed would otherwise stand in the authority's name with no one behind it.
    const withdrawn = await tx
      .update(partnerships)
      .set({ status: 'ended', endedAt: new Date(), endReason: 'Withdrawn: the account that declared it was deleted.' })
      .where(and(eq(partnerships.createdBy, actor.userId), eq(partnerships.status, 'pending')))
      .returning({ id: partnerships.id });
    for (const p of withdrawn)
      await recordTrustEvent(tx, {
        actor: null,
        action: 'partnership.withdraw',
        partnershipId: p.id,
        reason: 'declarer account deleted',
      });
    if (actor.role === 'admin') {
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(sql`${users.role} = 'admin' and ${users.disabledAt} is null`);
      if ((row?.n ?? 0) <= 1) throw new Conflict('You are the last administrator: appoint another one before leaving.');
    }
    await tx.delete(users).where(eq(users.id, actor.userId));
  });
}
