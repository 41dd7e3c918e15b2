import { eq } from 'drizzle-orm';
import {
  approvedMembersOf,
  assertMaySendFor,
  assertSpeaksFor,
  belongsTo,
  speaksFor,
} from '../permissions/membership.js';
import { coversCountry } from '../permissions/perimeter.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, conversations, listings } from '../db/schema/index.js';
import { Forbidden, NotFound, Unauthenticated } from '../errors.js';
import { isUuid } from '../ids.js';

export type Side = 'french' | 'foreign';

export interface ConversationContext {
  conversation: typeof conversations.$inferSelect;
  listing: Pick<typeof listings.$inferSelect, 'id' | 'title' | 'status' | 'country' | 'authorityId' | 'version'>;
  frenchAuthority: Pick<typeof authorities.$inferSelect, 'id' | 'name'>;
  foreignAuthority: Pick<typeof authorities.$inferSelect, 'id' | 'name'>;
}

export async function loadConversation(db: Database, id: string): Promise<ConversationContext> {
  if (!isUuid(id)) throw new NotFound('This conversation');
  const [row] = await db
    .select({
      conversation: conversations,
      listing: {
        id: listings.id,
        title: listings.title,
        status: listings.status,
        country: listings.country,
        authorityId: listings.authorityId,
        version: listings.version,
      },
    })
    .from(conversations)
    .innerJoin(listings, eq(listings.id, conversations.listingId))
    .where(eq(conversations.id, id))
    .limit(1);
  if (!row) throw new NotFound('This conversation');
  const names = await db
    .select({ id: authorities.id, name: authorities.name })
    .from(authorities)
    .where(eq(authorities.id, row.conversation.frenchAuthorityId))
    .union(
      db
        .select({ id: authorities.id, name: authorities.name })
        .from(authorities)
        .where(eq(authorities.id, row.listing.authorityId)),
    );
  const byId = new Map(names.map((n) => [n.id, n]));
  return {
    ...row,
    frenchAuthority: byId.get(row.conversation.frenchAuthorityId)!,
    foreignAuthority: byId.get(row.listing.authorityId)!,
  };
}

/**
 * Which side of the conversation the actor speaks for, or null if they only read it (correspondent, admin) or
 * may not (a member not approved by their authority is a stranger to its conversations).
 */
export function sideOf(actor: Actor, ctx: ConversationContext): Side | null {
  if (actor.role === 'french_authority' && speaksFor(actor, ctx.conversation.frenchAuthorityId)) return 'french';
  if (actor.role === 'foreign_authority' && speaksFor(actor, ctx.listing.authorityId)) return 'foreign';
  return null;
}

/** The two authorities talk; the correspondent of the country and the ministry may read, never write. */
export function assertCanRead(actor: Actor | null, ctx: ConversationContext): Actor {
  if (!actor) throw new Unauthenticated('Sign in to read this conversation.');
  if (sideOf(actor, ctx)) return actor;
  if (coversCountry(actor, ctx.listing.country)) return actor;
  if (belongsTo(actor, ctx.conversation.frenchAuthorityId) || belongsTo(actor, ctx.listing.authorityId)) {
    assertSpeaksFor(actor, actor.authorityId, 'Reading this conversation');
  }
  throw new Forbidden('Only the two authorities and the correspondent of the country may read this conversation.');
}

export function assertCanWrite(actor: Actor | null, ctx: ConversationContext): Side {
  assertCanRead(actor, ctx);
  const side = sideOf(actor!, ctx);
  if (!side)
    throw new Forbidden(
      'Correspondents and administrators read conversations; only the two authorities write in them.',
    );
  assertMaySendFor(actor, actor!.authorityId, 'Writing in this conversation');
  return side;
}

/** Who gets notified for a side: the authority's approved members (the permissions module decides). */
export const membersOf = approvedMembersOf;
