import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { users } from '../db/schema/index.js';
import { DomainError, Forbidden, Unauthenticated } from '../errors.js';
import { coversCountry } from './perimeter.js';

/**
 * Who speaks for an authority. Every person attached to an authority has a membership state; only an approved
 * member acts or reads in the authority's name, and only with a verified email address does anything leave the
 * platform in its name. The matrix is in docs/PERMISSIONS.md ("Membership").
 */
export type MembershipState = 'pending' | 'approved' | 'rejected' | 'disabled';
export const MEMBERSHIP_STATES: readonly MembershipState[] = ['pending', 'approved', 'rejected', 'disabled'];

type MaybeActor = Pick<Actor, 'role' | 'authorityId' | 'membership' | 'emailVerified'> | null | undefined;

/** A member of an authority's staff (French or foreign), whatever their standing. */
export function isAuthorityRole(role: string | undefined): role is 'french_authority' | 'foreign_authority' {
  return role === 'french_authority' || role === 'foreign_authority';
}

/** Attached to this authority in any state (what they may do about themselves: their profile, their drafts). */
export function belongsTo(actor: MaybeActor, authorityId: string | null | undefined): boolean {
  return !!actor && isAuthorityRole(actor.role) && !!authorityId && actor.authorityId === authorityId;
}

/** An approved member: reads and acts in the authority's name (conversations, interests, partnerships). */
export function speaksFor(actor: MaybeActor, authorityId: string | null | undefined): boolean {
  return belongsTo(actor, authorityId) && actor!.membership === 'approved';
}

/** An approved member with a verified address: may send or submit something in the authority's name. */
export function maySendFor(actor: MaybeActor, authorityId: string | null | undefined): boolean {
  return speaksFor(actor, authorityId) && actor!.emailVerified;
}

/** A member who may still prepare drafts for the authority (a pending one too; not a rejected or removed one). */
export function mayDraftFor(actor: MaybeActor, authorityId: string | null | undefined): boolean {
  return belongsTo(actor, authorityId) && (actor!.membership === 'approved' || actor!.membership === 'pending');
}

/** A refusal because of the person's standing in their authority; pages tell them which (details.membership). */
export class MembershipRefused extends DomainError {
  constructor(message: string, membership: MembershipState | 'unverified_email') {
    super(403, 'forbidden', message, { membership });
  }
}

/** Why someone attached to the authority may not speak for it yet, in words they can act on. */
function refusalFor(state: MembershipState | null): string {
  switch (state) {
    case 'pending':
      return 'Your membership of this authority is waiting for approval (by an approved colleague, the email domain or a moderator): until then you may edit your profile and your drafts and read what the public reads.';
    case 'rejected':
      return 'Your request to join this authority was rejected.';
    case 'disabled':
      return 'Your membership of this authority has been ended.';
    default:
      return 'Only approved members of this authority may do this.';
  }
}

/** Refuses anyone but an approved member of the authority; `what` says what they tried. */
export function assertSpeaksFor(
  actor: Actor | null,
  authorityId: string | null | undefined,
  what: string,
): asserts actor is Actor {
  if (!actor) throw new Unauthenticated();
  if (speaksFor(actor, authorityId)) return;
  if (belongsTo(actor, authorityId))
    throw new MembershipRefused(`${what}: ${refusalFor(actor.membership)}`, actor.membership ?? 'pending');
  throw new Forbidden(`${what}: only approved members of this authority may do this.`);
}

/** As assertSpeaksFor, and the address must be verified: the step sends something in the authority's name. */
export function assertMaySendFor(
  actor: Actor | null,
  authorityId: string | null | undefined,
  what: string,
): asserts actor is Actor {
  assertSpeaksFor(actor, authorityId, what);
  if (!actor.emailVerified)
    throw new MembershipRefused(
      `${what}: confirm your email address first (see the link we mailed you).`,
      'unverified_email',
    );
}

export interface Recipient {
  id: string;
  email: string;
  displayName: string;
  locale: string;
}

/**
 * The people notified in an authority's name: approved members, account active, address verified. Every mail
 * or notice addressed to "the authority" goes to exactly these (relay, reminders, partnership and join requests).
 */
export async function approvedMembersOf(db: Pick<Database, 'select'>, authorityId: string): Promise<Recipient[]> {
  return reachableMembersOf(db, authorityId, 'approved');
}

/** The members of an authority in one membership state whom a mail reaches: account active, address verified. */
export async function reachableMembersOf(
  db: Pick<Database, 'select'>,
  authorityId: string,
  membership: 'approved' | 'pending',
): Promise<Recipient[]> {
  return db
    .select({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(
      and(
        eq(users.authorityId, authorityId),
        eq(users.membership, membership),
        isNull(users.disabledAt),
        isNotNull(users.emailVerifiedAt),
      ),
    )
    .orderBy(asc(users.createdAt));
}

/** What deciding about a membership needs to know about the person concerned. */
export interface MembershipTarget {
  userId: string;
  authorityId: string | null;
  authorityKind: 'french' | 'foreign' | null;
  country: string | null;
}

/**
 * Who may approve, reject or end someone's membership: an admin for anyone; the correspondent of the country
 * for a foreign authority's members; an approved member (verified address) of the same authority for colleagues,
 * never for themselves.
 */
export function mayDecideMembership(actor: Actor | null, target: MembershipTarget): boolean {
  if (!actor || !target.authorityId) return false;
  if (actor.role === 'admin') return true;
  if (actor.role === 'correspondent') return target.authorityKind === 'foreign' && coversCountry(actor, target.country);
  return actor.userId !== target.userId && maySendFor(actor, target.authorityId);
}

export function assertMayDecideMembership(actor: Actor | null, target: MembershipTarget): asserts actor is Actor {
  if (!actor) throw new Unauthenticated();
  if (!mayDecideMembership(actor, target)) {
    throw new Forbidden(
      'You may not decide about this membership: only an approved member of the same authority, its country’s correspondent (foreign authorities) or an admin may.',
    );
  }
}
