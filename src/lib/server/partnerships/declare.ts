import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, partnerships } from '../db/schema/index.js';
import { Conflict, Forbidden, InvalidInput, NotFound, Unauthenticated } from '../errors.js';
import { isUuid } from '../ids.js';
import { maySendFor, speaksFor } from '../permissions/membership.js';
import { coversCountry } from '../permissions/perimeter.js';
import type { Services } from '../runtime/services.js';
import { recordTrustEvent } from '../trust/audit.js';
import { notify } from '../notifications/events.js';

export type PartnershipSide = 'french' | 'foreign' | 'staff';
export type PartnershipStatus = 'pending' | 'confirmed' | 'ended';

async function authority(db: Database, id: string, field: string) {
  if (!isUuid(id)) throw new InvalidInput(field, `${field} must be an authority id`);
  const [row] = await db.select().from(authorities).where(eq(authorities.id, id)).limit(1);
  if (!row) throw new NotFound('This authority');
  return row;
}

/**
 * Which side the actor speaks for in a partnership between these two authorities: an approved member with a
 * verified address of either authority, or a moderator ('staff'); null for anyone else.
 */
export function partnershipSideOf(
  actor: Actor | null,
  pair: { foreignAuthorityId: string; frenchAuthorityId: string; foreignCountry: string },
): PartnershipSide | null {
  if (!actor) return null;
  if (maySendFor(actor, pair.frenchAuthorityId)) return 'french';
  if (maySendFor(actor, pair.foreignAuthorityId)) return 'foreign';
  // Correspondents of the foreign authority's country and admins record (and confirm) partnerships for both sides.
  if (coversCountry(actor, pair.foreignCountry)) return 'staff';
  return null;
}

function refuse(actor: Actor, pair: { foreignAuthorityId: string; frenchAuthorityId: string }): never {
  if (speaksFor(actor, pair.frenchAuthorityId) || speaksFor(actor, pair.foreignAuthorityId)) {
    throw new Forbidden('Confirm your email address first: partnerships are declared in your authority’s name.', {
      reason: 'unverified_email',
    });
  }
  throw new Forbidden(
    'Only approved members of the two authorities, the correspondent of the country or an admin may do this.',
  );
}

const foreignAuthority = alias(authorities, 'foreign_authority');
const frenchAuthority = alias(authorities, 'french_authority');

async function loadPartnership(db: Database, id: string) {
  if (!isUuid(id)) throw new NotFound('This partnership');
  const [row] = await db
    .select({
      partnership: partnerships,
      foreign: { id: foreignAuthority.id, name: foreignAuthority.name, country: foreignAuthority.country },
      french: { id: frenchAuthority.id, name: frenchAuthority.name },
    })
    .from(partnerships)
    .innerJoin(foreignAuthority, eq(foreignAuthority.id, partnerships.foreignAuthorityId))
    .innerJoin(frenchAuthority, eq(frenchAuthority.id, partnerships.frenchAuthorityId))
    .where(eq(partnerships.id, id))
    .limit(1);
  if (!row) throw new NotFound('This partnership');
  return row;
}

/**
 * Records an existing partnership (a twinning signed years ago, say). Declared by one authority it is a claim,
 * pending until the other side confirms; recorded by the country's correspondent or an admin it stands confirmed.
 * A claim matching one the other side already made confirms it.
 */
export async function declarePartnership(
  services: Services,
  actor: Actor | null,
  input: { foreignAuthorityId: string; frenchAuthorityId: string; startedOn?: string | null },
): Promise<{ id: string; created: boolean; status: PartnershipStatus }> {
  if (!actor) throw new Unauthenticated();
  const { db } = services;
  const foreign = await authority(db, input.foreignAuthorityId, 'foreignAuthorityId');
  const french = await authority(db, input.frenchAuthorityId, 'frenchAuthorityId');
  if (foreign.kind !== 'foreign')
    throw new InvalidInput('foreignAuthorityId', 'foreignAuthorityId must be a foreign authority');
  if (french.kind !== 'french')
    throw new InvalidInput('frenchAuthorityId', 'frenchAuthorityId must be a French authority');
  if (
    input.startedOn != null &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(input.startedOn) || Number.isNaN(Date.parse(input.startedOn)))
  ) {
    throw new InvalidInput('startedOn', 'startedOn must be a date like 2019-06-21');
  }
  const pair = { foreignAuthorityId: foreign.id, frenchAuthorityId: french.id, foreignCountry: foreign.country };
  const side = partnershipSideOf(actor, pair);
  if (!side) refuse(actor, pair);
  const confirmedNow = side === 'staff';
  const outcome = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(partnerships)
      .values({
        foreignAuthorityId: foreign.id,
        frenchAuthorityId: french.id,
        source: 'declared',
        startedOn: input.startedOn ?? null,
        createdBy: actor.userId,
        declaredBySide: side,
        status: confirmedNow ? 'confirmed' : 'pending',
        confirmedAt: confirmedNow ? new Date() : null,
        confirmedBy: confirmedNow ? actor.userId : null,
      })
      .onConflictDoNothing()
      .returning({ id: partnerships.id, status: partnerships.status });
    if (inserted) {
      await recordTrustEvent(tx, {
        actor,
        action: 'partnership.declare',
        partnershipId: inserted.id,
        authorityId: side === 'foreign' ? foreign.id : french.id,
        details: { side, status: inserted.status, foreignAuthorityId: foreign.id, frenchAuthorityId: french.id },
      });
      return { id: inserted.id, created: true, status: inserted.status as PartnershipStatus, confirmedByThis: false };
    }
    const [existing] = await tx
      .select({ id: partnerships.id, status: partnerships.status, declaredBySide: partnerships.declaredBySide })
      .from(partnerships)
      .where(
        and(
          eq(partnerships.foreignAuthorityId, foreign.id),
          eq(partnerships.frenchAuthorityId, french.id),
          isNull(partnerships.listingId),
          sql`${partnerships.status} <> 'ended'`,
        ),
      )
      .for('update')
      .limit(1);
    if (!existing) throw new Conflict('This partnership changed at the same time: try again.');
    // The other side (or a moderator) declaring a pending claim is its confirmation.
    if (existing.status === 'pending' && existing.declaredBySide !== side) {
      await tx
        .update(partnerships)
        .set({ status: 'confirmed', confirmedAt: new Date(), confirmedBy: actor.userId })
        .where(eq(partnerships.id, existing.id));
      await recordTrustEvent(tx, {
        actor,
        action: 'partnership.confirm',
        partnershipId: existing.id,
        details: { side },
      });
      return { id: existing.id, created: false, status: 'confirmed' as const, confirmedByThis: true };
    }
    return { id: existing.id, created: false, status: existing.status as PartnershipStatus, confirmedByThis: false };
  });
  if (outcome.created && outcome.status === 'pending') {
    await notify(
      services.db,
      'partnership_claimed',
      { partnershipId: outcome.id, byAuthorityId: side === 'french' ? french.id : foreign.id },
      actor.userId,
    );
  } else if (outcome.confirmedByThis || (outcome.created && outcome.status === 'confirmed')) {
    await notify(services.db, 'partnership_confirmed', { partnershipId: outcome.id }, actor.userId);
  }
  return { id: outcome.id, created: outcome.created, status: outcome.status };
}

/** The other side (an approved member with a verified address) or a moderator confirms a pending claim. */
export async function confirmPartnership(
  services: Services,
  actor: Actor | null,
  id: string,
): Promise<{ id: string; status: PartnershipStatus }> {
  if (!actor) throw new Unauthenticated();
  const row = await loadPartnership(services.db, id);
  const pair = {
    foreignAuthorityId: row.foreign.id,
    frenchAuthorityId: row.french.id,
    foreignCountry: row.foreign.country,
  };
  const side = partnershipSideOf(actor, pair);
  if (!side) refuse(actor, pair);
  if (side !== 'staff' && side === row.partnership.declaredBySide) {
    throw new Forbidden(
      'Your authority made this claim: the other side (or the correspondent of the country) confirms it.',
    );
  }
  const updated = await services.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(partnerships)
      .set({ status: 'confirmed', confirmedAt: new Date(), confirmedBy: actor.userId })
      .where(and(eq(partnerships.id, id), eq(partnerships.status, 'pending')))
      .returning({ id: partnerships.id });
    if (!changed)
      throw new Conflict(
        `This partnership is ${row.partnership.status === 'pending' ? 'no longer pending' : row.partnership.status}: there is nothing to confirm.`,
        { status: row.partnership.status },
      );
    await recordTrustEvent(tx, { actor, action: 'partnership.confirm', partnershipId: id, details: { side } });
    return changed;
  });
  await notify(services.db, 'partnership_confirmed', { partnershipId: id }, actor.userId);
  return { id: updated.id, status: 'confirmed' };
}

/**
 * Either side (or a moderator) withdraws a claim or ends a partnership. The row stays, ended, with who and why:
 * the audit trail keeps it; only live partnerships are public.
 */
export async function endPartnership(
  services: Services,
  actor: Actor | null,
  id: string,
  reasonInput?: string | null,
): Promise<{ id: string; status: PartnershipStatus }> {
  if (!actor) throw new Unauthenticated();
  const reason = reasonInput?.trim() || null;
  if (reason && reason.length > 1000)
    throw new InvalidInput('reason', 'The reason is at most 1000 characters.', { reason: 'max_length', max: 1000 });
  const row = await loadPartnership(services.db, id);
  const pair = {
    foreignAuthorityId: row.foreign.id,
    frenchAuthorityId: row.french.id,
    foreignCountry: row.foreign.country,
  };
  const side = partnershipSideOf(actor, pair);
  if (!side) refuse(actor, pair);
  await services.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(partnerships)
      .set({ status: 'ended', endedAt: new Date(), endedBy: actor.userId, endReason: reason })
      .where(and(eq(partnerships.id, id), or(eq(partnerships.status, 'pending'), eq(partnerships.status, 'confirmed'))))
      .returning({ id: partnerships.id });
    if (!changed) throw new Conflict('This partnership has already ended.', { status: 'ended' });
    await recordTrustEvent(tx, {
      actor,
      action: row.partnership.status === 'pending' ? 'partnership.withdraw' : 'partnership.end',
      partnershipId: id,
      reason,
      details: { side },
    });
  });
  const by = side === 'french' ? row.french.name : side === 'foreign' ? row.foreign.name : actor.displayName;
  const byAuthorityId = side === 'french' ? row.french.id : side === 'foreign' ? row.foreign.id : null;
  await notify(
    services.db,
    'partnership_ended',
    { partnershipId: id, byAuthorityId, by, comment: reason },
    actor.userId,
  );
  return { id, status: 'ended' };
}

export interface PartnershipView {
  id: string;
  status: PartnershipStatus;
  source: string;
  declaredBySide: string;
  startedOn: string | null;
  foreignAuthority: { id: string; name: string; country: string };
  frenchAuthority: { id: string; name: string };
  createdAt: string;
  confirmedAt: string | null;
  endedAt: string | null;
  /** What the reader may do with it now. */
  canConfirm: boolean;
  canEnd: boolean;
}

/** The partnerships of the actor's own authority, live ones first: what /compte and GET /partnerships/mine show. */
export async function partnershipsOfMyAuthority(db: Database, actor: Actor | null): Promise<PartnershipView[]> {
  if (!actor) throw new Unauthenticated();
  if (!actor.authorityId || !speaksFor(actor, actor.authorityId)) return [];
  const rows = await db
    .select({
      partnership: partnerships,
      foreign: { id: foreignAuthority.id, name: foreignAuthority.name, country: foreignAuthority.country },
      french: { id: frenchAuthority.id, name: frenchAuthority.name },
    })
    .from(partnerships)
    .innerJoin(foreignAuthority, eq(foreignAuthority.id, partnerships.foreignAuthorityId))
    .innerJoin(frenchAuthority, eq(frenchAuthority.id, partnerships.frenchAuthorityId))
    .where(
      or(eq(partnerships.foreignAuthorityId, actor.authorityId), eq(partnerships.frenchAuthorityId, actor.authorityId)),
    )
    .orderBy(
      sql`case ${partnerships.status} when 'pending' then 0 when 'confirmed' then 1 else 2 end`,
      sql`${partnerships.createdAt} desc`,
    )
    .limit(500);
  return rows.map(({ partnership: p, foreign, french }) => {
    const side = partnershipSideOf(actor, {
      foreignAuthorityId: foreign.id,
      frenchAuthorityId: french.id,
      foreignCountry: foreign.country,
    });
    return {
      id: p.id,
      status: p.status,
      source: p.source,
      declaredBySide: p.declaredBySide,
      startedOn: p.startedOn,
      foreignAuthority: foreign,
      frenchAuthority: french,
      createdAt: p.createdAt.toISOString(),
      confirmedAt: p.confirmedAt?.toISOString() ?? null,
      endedAt: p.endedAt?.toISOString() ?? null,
      canConfirm: p.status === 'pending' && !!side && side !== p.declaredBySide,
      canEnd: p.status !== 'ended' && !!side,
    };
  });
}
