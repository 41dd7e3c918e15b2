import { eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { authorities, conversationMessages, listings, partnerships, users } from '../db/schema/index.js';
import { reconfirmToken, reconfirmUrl } from '../freshness/reconfirm-link.js';
import { loadConversation } from '../conversations/participants.js';
import type { NotificationKind } from './kinds.js';
import {
  authorityMembers,
  everyoneOf,
  listingAuthors,
  moderatorsOf,
  person,
  personConcerned,
  type Recipient,
} from './recipients.js';
import type { NoticeParams } from './render.js';

export interface EventRow {
  id: number;
  kind: string;
  subject: Record<string, string>;
  actorId: string | null;
}

/** One notice to one person: what it says, where it leads (a path without locale prefix). */
export interface Delivery {
  recipient: Recipient;
  kind: NotificationKind;
  params: NoticeParams;
  path: string;
  /** A mail link other than the notice's page, made for this person (the one-click reconfirmation). */
  actionPath?: string;
}

const EXCERPT_MAX = 600;
const excerptOf = (body: string) => (body.length > EXCERPT_MAX ? `${body.slice(0, EXCERPT_MAX)}…` : body);

async function listingOf(db: Database, listingId: string) {
  const [row] = await db
    .select({ listing: listings, authorityName: authorities.name })
    .from(listings)
    .innerJoin(authorities, eq(authorities.id, listings.authorityId))
    .where(eq(listings.id, listingId))
    .limit(1);
  return row ?? null;
}

async function authorityName(db: Database, id: string | null | undefined): Promise<string> {
  if (!id) return '';
  const [row] = await db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, id)).limit(1);
  return row?.name ?? '';
}

const to = (recipients: Recipient[], kind: NotificationKind, params: NoticeParams, path: string): Delivery[] =>
  recipients.map((recipient) => ({ recipient, kind, params, path }));

/**
 * Who hears about an event, and what each reads. Authors: the approved members of the authority; staff: the
 * correspondents of the country, or the admins when no correspondent covers it. The person who acted is not told
 * what they just did, except the author's receipt of a submission and a message that reached no one.
 */
export async function deliveriesFor(db: Database, origin: string, event: EventRow): Promise<Delivery[]> {
  const kind = event.kind as NotificationKind;
  const s = event.subject;
  const list = await resolve(db, origin, kind, s);
  const receipt = kind === 'listing_submitted' || kind === 'listing_revision_submitted';
  const seen = new Set<string>();
  return list.filter((d) => {
    if (seen.has(d.recipient.id)) return false;
    seen.add(d.recipient.id);
    // The sender of a message nobody can read yet is told so: that is news to them, not an echo.
    return receipt || d.kind === 'message_undeliverable' || d.recipient.id !== event.actorId;
  });
}

async function resolve(
  db: Database,
  origin: string,
  kind: NotificationKind,
  s: Record<string, string>,
): Promise<Delivery[]> {
  switch (kind) {
    case 'listing_submitted':
    case 'listing_revision_submitted':
    case 'listing_changes_requested':
    case 'listing_approved':
    case 'listing_rejected':
    case 'listing_expired':
    case 'listing_reconfirmed':
    case 'listing_expiring': {
      const row = await listingOf(db, s.listingId!);
      if (!row) return [];
      const { listing } = row;
      const base: NoticeParams = { title: listing.title, authority: row.authorityName, country: listing.country };
      if (s.comment) base.comment = s.comment;
      if (s.revision) base.variant = 'revision';
      const authorPath = `/mes-demandes/${listing.id}`;
      const authors = await listingAuthors(db, listing);
      if (kind === 'listing_submitted' || kind === 'listing_revision_submitted') {
        const staff = to(
          await moderatorsOf(db, listing.country),
          kind,
          { ...base, variant: 'staff' },
          `/moderation/${listing.id}`,
        );
        return [...staff, ...to(authors, kind, base, authorPath)];
      }
      if (kind === 'listing_reconfirmed' || kind === 'listing_expiring') {
        if (!listing.expiresAt) return [];
        base.date = listing.expiresAt.toISOString();
      }
      if (kind === 'listing_expiring') {
        base.count = s.days ?? '0';
        const out: Delivery[] = [];
        for (const recipient of authors) {
          const token = await reconfirmToken(db, listing.id, recipient.id, listing.expiresAt!);
          out.push({
            recipient,
            kind,
            params: base,
            path: authorPath,
            actionPath: reconfirmUrl('', listing.id, recipient.id, token),
          });
        }
        return out;
      }
      return to(authors, kind, base, authorPath);
    }
    case 'authority_verified': {
      const name = await authorityName(db, s.authorityId);
      return to(await everyoneOf(db, s.authorityId!), kind, { authority: name }, '/mes-demandes');
    }
    case 'member_approved':
    case 'member_rejected':
    case 'membership_disabled':
    case 'account_rejected': {
      const [row] = await db
        .select({ authorityId: users.authorityId })
        .from(users)
        .where(eq(users.id, s.userId!))
        .limit(1);
      // Someone turned away is told even if their account was closed with the decision.
      const recipient = kind === 'member_approved' ? await person(db, s.userId) : await personConcerned(db, s.userId);
      if (!recipient || !row) return [];
      const params: NoticeParams = { authority: await authorityName(db, s.authorityId ?? row.authorityId) };
      if (s.comment) params.comment = s.comment;
      return [{ recipient, kind, params, path: '/compte' }];
    }
    case 'join_request': {
      const [row] = await db
        .select({ authorityId: users.authorityId, name: users.displayName, email: users.email })
        .from(users)
        .where(eq(users.id, s.userId!))
        .limit(1);
      if (!row?.authorityId) return [];
      const members = (await authorityMembers(db, row.authorityId)).filter((m) => m.id !== s.userId);
      const params = { person: row.name, email: row.email, authority: await authorityName(db, row.authorityId) };
      return to(members, kind, params, '/compte#demandes-adhesion');
    }
    case 'invitation_accepted': {
      const newcomer = await person(db, s.userId);
      const inviter = await person(db, s.inviterId);
      if (!newcomer || !inviter) return [];
      return [{ recipient: inviter, kind, params: { person: newcomer.displayName }, path: '/compte' }];
    }
    case 'partnership_claimed':
    case 'partnership_confirmed':
    case 'partnership_ended': {
      const [p] = await db.select().from(partnerships).where(eq(partnerships.id, s.partnershipId!)).limit(1);
      if (!p) return [];
      const foreign = await authorityName(db, p.foreignAuthorityId);
      const french = await authorityName(db, p.frenchAuthorityId);
      const sides = [
        { id: p.foreignAuthorityId, authority: foreign, partner: french },
        { id: p.frenchAuthorityId, authority: french, partner: foreign },
      ].filter((side) => kind === 'partnership_confirmed' || side.id !== s.byAuthorityId);
      const out: Delivery[] = [];
      for (const side of sides) {
        const params: NoticeParams = { authority: side.authority, partner: side.partner };
        if (kind === 'partnership_ended') params.by = s.by ?? '';
        if (s.comment) params.comment = s.comment;
        out.push(...to(await authorityMembers(db, side.id), kind, params, '/compte#partenariats'));
      }
      return out;
    }
    case 'message_received': {
      const [message] = await db
        .select()
        .from(conversationMessages)
        .where(eq(conversationMessages.id, Number(s.messageId)))
        .limit(1);
      if (!message) return [];
      const ctx = await loadConversation(db, message.conversationId);
      const toForeign = message.senderSide === 'french';
      const readers = await authorityMembers(
        db,
        toForeign ? ctx.listing.authorityId : ctx.conversation.frenchAuthorityId,
      );
      const from = toForeign ? ctx.frenchAuthority.name : ctx.foreignAuthority.name;
      const recipientAuthority = toForeign ? ctx.foreignAuthority.name : ctx.frenchAuthority.name;
      const path = `/echanges/${ctx.conversation.id}`;
      if (readers.length)
        return to(readers, kind, { from, title: ctx.listing.title, excerpt: excerptOf(message.body) }, path);
      // Nobody can read it yet: the sender is told so, and the country's correspondent can bring the authority in.
      const sender = await person(db, message.senderId);
      const params = { from, authority: recipientAuthority, title: ctx.listing.title };
      return [
        ...(sender ? [{ recipient: sender, kind: 'message_undeliverable' as const, params, path }] : []),
        ...to(
          await moderatorsOf(db, ctx.listing.country),
          'message_undeliverable',
          { ...params, variant: 'staff' },
          path,
        ),
      ];
    }
    case 'message_unanswered': {
      const ctx = await loadConversation(db, s.conversationId!);
      const waitingIsForeign = s.waitingSide === 'foreign';
      const readers = await authorityMembers(
        db,
        waitingIsForeign ? ctx.listing.authorityId : ctx.conversation.frenchAuthorityId,
      );
      const from = waitingIsForeign ? ctx.frenchAuthority.name : ctx.foreignAuthority.name;
      return to(
        readers,
        kind,
        { from, title: ctx.listing.title, count: s.days ?? '0' },
        `/echanges/${ctx.conversation.id}`,
      );
    }
    case 'message_undeliverable':
    case 'queue_digest':
    case 'coverage_digest':
      return [];
  }
}
