import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, conversationMessages, conversations, listings } from '../db/schema/index.js';
import { Conflict, Forbidden, InvalidInput, Unauthenticated } from '../errors.js';
import { followUpListing } from '../listings/lifecycle.js';
import { isSearchable } from '../listings/visibility.js';
import { getListing } from '../listings/store.js';
import { assertCanView } from '../listings/permissions.js';
import { approvedMembersOf, assertMaySendFor, assertSpeaksFor } from '../permissions/membership.js';
import { inPerimeter, perimeter } from '../permissions/perimeter.js';
import { dispatch, recordNotification } from '../notifications/events.js';
import { assertCanRead, assertCanWrite, loadConversation, membersOf, sideOf, type Side } from './participants.js';

export const MESSAGE_MAX = 5_000;

function checkBody(body: unknown): string {
  if (typeof body !== 'string' || body.trim().length < 2)
    throw new InvalidInput('message', 'Write a message of at least 2 characters.', { reason: 'min_length', min: 2 });
  if (body.length > MESSAGE_MAX)
    throw new InvalidInput('message', `A message is at most ${MESSAGE_MAX} characters.`, {
      reason: 'max_length',
      max: MESSAGE_MAX,
    });
  return body.trim();
}

export interface PostedMessage {
  conversationId: string;
  messageId: number;
  /** The other authority has no active member yet: the message waits, its country's correspondent was told. */
  awaitingMember?: boolean;
  side: Side;
}

/**
 * A French authority expresses interest in a published request: this opens (or continues) its conversation
 * with the foreign authority. Nobody's email address is revealed by this.
 */
export async function expressInterest(
  db: Database,
  actor: Actor | null,
  listingId: string,
  message: unknown,
): Promise<PostedMessage> {
  if (!actor) throw new Unauthenticated('Sign in as a French local authority to express interest.');
  if (actor.role !== 'french_authority' || !actor.authorityId) {
    throw new Forbidden('Only French local authorities can express interest in a request.');
  }
  assertMaySendFor(actor, actor.authorityId, 'Contacting a foreign authority');
  const body = checkBody(message);
  const { listing } = await getListing(db, listingId);
  assertCanView(actor, listing);
  if (!isSearchable(listing.status))
    throw new Conflict('This request is no longer open to new partners.', { currentStatus: listing.status });
  const { eventId, ...posted } = await db.transaction(async (tx) => {
    const [conversation] = await tx
      .insert(conversations)
      .values({ listingId, frenchAuthorityId: actor.authorityId!, openedBy: actor.userId, lastMessageSide: 'french' })
      .onConflictDoUpdate({
        target: [conversations.listingId, conversations.frenchAuthorityId],
        set: { lastMessageAt: sql`now()`, lastMessageSide: 'french' },
      })
      .returning({ id: conversations.id });
    const [msg] = await tx
      .insert(conversationMessages)
      .values({ conversationId: conversation!.id, senderId: actor.userId, senderSide: 'french', body })
      .returning({ id: conversationMessages.id });
    const eventId = await recordNotification(tx, 'message_received', { messageId: String(msg!.id) }, actor.userId);
    return { conversationId: conversation!.id, messageId: msg!.id, side: 'french' as const, eventId };
  });
  await dispatch(eventId);
  // Nobody can read it yet: the sender must not be promised a reply (the correspondent is told, see deliveries).
  const readers = await approvedMembersOf(db, listing.authorityId);
  return { ...posted, awaitingMember: readers.length === 0 };
}

/**
 * A message in an existing conversation. The foreign authority's first reply means a real discussion has
 * started: the request moves to "in discussion".
 */
export async function postMessage(
  db: Database,
  actor: Actor | null,
  conversationId: string,
  message: unknown,
): Promise<PostedMessage> {
  const ctx = await loadConversation(db, conversationId);
  const side = assertCanWrite(actor, ctx);
  const body = checkBody(message);
  const posted = await db.transaction(async (tx) => {
    const [msg] = await tx
      .insert(conversationMessages)
      .values({ conversationId, senderId: actor!.userId, senderSide: side, body })
      .returning({ id: conversationMessages.id });
    const firstForeignReply = side === 'foreign' && ctx.conversation.status === 'contacted';
    await tx
      .update(conversations)
      .set({
        lastMessageAt: sql`now()`,
        lastMessageSide: side,
        ...(firstForeignReply ? { status: 'in_discussion' } : {}),
      })
      .where(eq(conversations.id, conversationId));
    const eventId = await recordNotification(tx, 'message_received', { messageId: String(msg!.id) }, actor!.userId);
    return { conversationId, messageId: msg!.id, side, eventId };
  });
  if (side === 'foreign' && ctx.listing.status === 'published') {
    // Another reply may have moved it already: that is the same outcome, not an error.
    await followUpListing(
      db,
      actor,
      ctx.listing.id,
      'in_discussion',
      'First reply to an expression of interest.',
    ).catch((error: unknown) => {
      if (!(error instanceof Conflict)) throw error;
    });
  }
  await dispatch(posted.eventId);
  return { conversationId: posted.conversationId, messageId: posted.messageId, side: posted.side };
}

/** Each side decides to reveal its contact; addresses are shown only once both have agreed. */
export async function setContactSharing(
  db: Database,
  actor: Actor | null,
  conversationId: string,
  share: boolean,
): Promise<void> {
  const ctx = await loadConversation(db, conversationId);
  const side = assertCanWrite(actor, ctx);
  await db
    .update(conversations)
    .set(side === 'french' ? { frenchSharesContact: share } : { foreignSharesContact: share })
    .where(eq(conversations.id, conversationId));
}

export interface ConversationView {
  id: string;
  status: string;
  listing: { id: string; title: string; status: string; country: string };
  frenchAuthority: { id: string; name: string };
  foreignAuthority: { id: string; name: string };
  viewerSide: Side | null;
  sharing: { french: boolean; foreign: boolean };
  /** Present only when both sides agreed to share. */
  contacts: { french: Array<{ name: string; email: string }>; foreign: Array<{ name: string; email: string }> } | null;
  messages: Array<{ id: number; side: Side; body: string; createdAt: string }>;
}

export async function readConversation(
  db: Database,
  actor: Actor | null,
  conversationId: string,
): Promise<ConversationView> {
  const ctx = await loadConversation(db, conversationId);
  const reader = assertCanRead(actor, ctx);
  const messages = await db
    .select()
    .from(conversationMessages)
    .where(eq(conversationMessages.conversationId, conversationId))
    .orderBy(asc(conversationMessages.id));
  const { conversation: c } = ctx;
  const bothShare = c.frenchSharesContact && c.foreignSharesContact;
  const contactsOf = async (authorityId: string) =>
    (await membersOf(db, authorityId)).map((m) => ({ name: m.displayName, email: m.email }));
  return {
    id: c.id,
    status: c.status,
    listing: { id: ctx.listing.id, title: ctx.listing.title, status: ctx.listing.status, country: ctx.listing.country },
    frenchAuthority: ctx.frenchAuthority,
    foreignAuthority: ctx.foreignAuthority,
    viewerSide: sideOf(reader, ctx),
    sharing: { french: c.frenchSharesContact, foreign: c.foreignSharesContact },
    contacts: bothShare
      ? { french: await contactsOf(c.frenchAuthorityId), foreign: await contactsOf(ctx.listing.authorityId) }
      : null,
    messages: messages.map((m) => ({
      id: m.id,
      side: m.senderSide as Side,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    })),
  };
}

export interface ConversationSummary {
  id: string;
  status: string;
  listingId: string;
  listingTitle: string;
  country: string;
  frenchAuthorityName: string;
  lastMessageAt: string;
  lastMessageSide: string;
}

/** The conversations an authority takes part in, or those of a correspondent's countries, newest first. */
export async function listConversations(db: Database, actor: Actor | null): Promise<ConversationSummary[]> {
  if (!actor) throw new Unauthenticated();
  if (actor.role === 'french_authority' || actor.role === 'foreign_authority') {
    assertSpeaksFor(actor, actor.authorityId, 'Reading the conversations of your authority');
  }
  const moderated = perimeter(actor);
  const scope = moderated
    ? inPerimeter(listings.country, moderated)
    : actor.authorityId
      ? or(eq(conversations.frenchAuthorityId, actor.authorityId), eq(listings.authorityId, actor.authorityId))
      : sql`false`;
  const rows = await db
    .select({
      id: conversations.id,
      status: conversations.status,
      listingId: listings.id,
      listingTitle: listings.title,
      country: listings.country,
      frenchAuthorityName: authorities.name,
      lastMessageAt: conversations.lastMessageAt,
      lastMessageSide: conversations.lastMessageSide,
    })
    .from(conversations)
    .innerJoin(listings, eq(listings.id, conversations.listingId))
    .innerJoin(authorities, eq(authorities.id, conversations.frenchAuthorityId))
    .where(and(scope))
    .orderBy(desc(conversations.lastMessageAt))
    .limit(200);
  return rows.map((r) => ({ ...r, lastMessageAt: r.lastMessageAt.toISOString() }));
}

/** The French authorities that talked with the foreign authority about a request: the candidates of a match. */
export async function interlocutorsOf(db: Database, listingId: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectDistinct({ id: authorities.id, name: authorities.name })
    .from(conversations)
    .innerJoin(authorities, eq(authorities.id, conversations.frenchAuthorityId))
    .where(eq(conversations.listingId, listingId))
    .orderBy(authorities.name);
}
