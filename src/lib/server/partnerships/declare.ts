import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, partnerships } from '../db/schema/index.js';
import { Conflict, Forbidden, InvalidInput, NotFound, Unauthenticated } from '../errors.js';
import { isUuid } from '../ids.js';
import { parseWebAddress } from '../input/web-address.js';
import { FOREIGN_TYPE_CODES, isCountryCode, isForeignCountry, isThemeCode } from '../../reference/index.js';
import { maySendFor, speaksFor } from '../permissions/membership.js';
import { coversCountry, inPerimeter, perimeter } from '../permissions/perimeter.js';
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

export interface PartnershipDetails {
  startedOn?: string | null;
  /** When the cooperation stopped, for a past partnership; null while it is active. */
  endedOn?: string | null;
  themes?: string[];
  description?: string | null;
  link?: string | null;
}

export interface DeclareInput extends PartnershipDetails {
  frenchAuthorityId: string;
  /** An authority already known here… */
  foreignAuthorityId?: string | null;
  /** …or one with no account yet, recorded from its name for the country's correspondent to tie later. */
  newForeignAuthority?: { name: string; country: string; type?: string | null } | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DESCRIPTION = 2000;

function parseDate(raw: string | null | undefined, field: string): string | null {
  if (raw == null || raw === '') return null;
  if (!DATE.test(raw) || Number.isNaN(Date.parse(raw)))
    throw new InvalidInput(field, `${field} must be a date like 2019-06-21`);
  return raw;
}

/** The details of a partnership as stored: one reading for the API, the forms and the import. */
export function parsePartnershipDetails(input: PartnershipDetails) {
  const startedOn = parseDate(input.startedOn, 'startedOn');
  const endedOn = parseDate(input.endedOn, 'endedOn');
  if (startedOn && endedOn && endedOn < startedOn)
    throw new InvalidInput('endedOn', 'endedOn cannot come before startedOn');
  const themes = [...new Set(input.themes ?? [])];
  const unknown = themes.find((t) => !isThemeCode(t));
  if (unknown !== undefined) throw new InvalidInput('themes', `Unknown theme: ${unknown}`);
  const description = input.description?.trim() || null;
  if (description && description.length > MAX_DESCRIPTION)
    throw new InvalidInput('description', `The description is at most ${MAX_DESCRIPTION} characters.`, {
      reason: 'max_length',
      max: MAX_DESCRIPTION,
    });
  const link = parseWebAddress(input.link, 'link');
  return { startedOn, endedOn, themes, description, link };
}

/**
 * The foreign authority a declaration names with no account behind it: an existing record of that name in that
 * country is reused (so two declarations do not make two Kayes), otherwise one is created, marked
 * recordedFrom = 'partnership' for the correspondent to tie to the authority once it registers.
 */
export async function recordForeignAuthority(
  db: Database,
  input: { name: string; country: string; type?: string | null },
  recordedFrom: 'partnership' | 'import',
) {
  const name = input.name?.replace(/\s+/g, ' ').trim() ?? '';
  if (name.length < 2 || name.length > 200)
    throw new InvalidInput('foreignName', 'Name the foreign authority (2 to 200 characters).', {
      reason: name.length < 2 ? 'min_length' : 'max_length',
      min: 2,
      max: 200,
    });
  const country = input.country?.trim().toUpperCase() ?? '';
  if (!isCountryCode(country) || !isForeignCountry(country))
    throw new InvalidInput('foreignCountry', 'foreignCountry must be the ISO code of a country other than France.');
  const type = input.type && FOREIGN_TYPE_CODES.includes(input.type) ? input.type : 'municipality';
  const [known] = await db
    .select()
    .from(authorities)
    .where(
      and(
        eq(authorities.kind, 'foreign'),
        eq(authorities.country, country),
        sql`lower(${authorities.name}) = lower(${name})`,
      ),
    )
    .limit(1);
  if (known) return known;
  const [created] = await db
    .insert(authorities)
    .values({ kind: 'foreign', type, name, country, recordedFrom })
    .returning();
  return created!;
}

/**
 * Records an existing partnership (a twinning signed years ago, say). Declared by one authority it is a claim,
 * pending until the other side confirms; recorded by the country's correspondent or an admin it stands confirmed.
 * A claim matching one the other side already made confirms it. A French authority may name a foreign authority
 * that has no account yet: the claim then waits for the country's correspondent.
 */
export async function declarePartnership(
  services: Services,
  actor: Actor | null,
  input: DeclareInput,
): Promise<{ id: string; created: boolean; status: PartnershipStatus }> {
  if (!actor) throw new Unauthenticated();
  const { db } = services;
  const details = parsePartnershipDetails(input);
  const french = await authority(db, input.frenchAuthorityId, 'frenchAuthorityId');
  if (french.kind !== 'french')
    throw new InvalidInput('frenchAuthorityId', 'frenchAuthorityId must be a French authority');
  let foreign;
  if (input.foreignAuthorityId) {
    foreign = await authority(db, input.foreignAuthorityId, 'foreignAuthorityId');
    if (foreign.kind !== 'foreign')
      throw new InvalidInput('foreignAuthorityId', 'foreignAuthorityId must be a foreign authority');
  } else if (input.newForeignAuthority) {
    // Checked before anything is written: only the French side or a moderator names an authority with no account.
    const country = input.newForeignAuthority.country?.trim().toUpperCase() ?? '';
    const side = partnershipSideOf(actor, {
      foreignAuthorityId: '',
      frenchAuthorityId: french.id,
      foreignCountry: country,
    });
    if (!side) refuse(actor, { foreignAuthorityId: '', frenchAuthorityId: french.id });
    foreign = await recordForeignAuthority(db, input.newForeignAuthority, 'partnership');
  } else {
    throw new InvalidInput('foreignAuthorityId', 'Choose the foreign authority, or name one that has no account yet.', {
      reason: 'required',
    });
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
        ...details,
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
  endedOn: string | null;
  themes: string[];
  description: string | null;
  link: string | null;
  /** recordedFrom of the foreign authority: set while it has no account tied to it. */
  foreignAuthority: { id: string; name: string; country: string; recordedFrom: string | null };
  frenchAuthority: { id: string; name: string };
  createdAt: string;
  confirmedAt: string | null;
  endedAt: string | null;
  /** What the reader may do with it now. */
  canConfirm: boolean;
  canEnd: boolean;
}

function viewRows(db: Database, where: SQL) {
  return db
    .select({
      partnership: partnerships,
      foreign: {
        id: foreignAuthority.id,
        name: foreignAuthority.name,
        country: foreignAuthority.country,
        recordedFrom: foreignAuthority.recordedFrom,
      },
      french: { id: frenchAuthority.id, name: frenchAuthority.name },
    })
    .from(partnerships)
    .innerJoin(foreignAuthority, eq(foreignAuthority.id, partnerships.foreignAuthorityId))
    .innerJoin(frenchAuthority, eq(frenchAuthority.id, partnerships.frenchAuthorityId))
    .where(where)
    .orderBy(
      sql`case ${partnerships.status} when 'pending' then 0 when 'confirmed' then 1 else 2 end`,
      sql`${partnerships.createdAt} desc`,
    )
    .limit(500);
}

function toView(actor: Actor, { partnership: p, foreign, french }: Awaited<ReturnType<typeof viewRows>>[number]) {
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
    endedOn: p.endedOn,
    themes: p.themes,
    description: p.description,
    link: p.link,
    foreignAuthority: foreign,
    frenchAuthority: french,
    createdAt: p.createdAt.toISOString(),
    confirmedAt: p.confirmedAt?.toISOString() ?? null,
    endedAt: p.endedAt?.toISOString() ?? null,
    canConfirm: p.status === 'pending' && !!side && (side === 'staff' || side !== p.declaredBySide),
    canEnd: p.status !== 'ended' && !!side,
  } satisfies PartnershipView;
}

/** The partnerships of the actor's own authority, live ones first: what /compte and GET /partnerships/mine show. */
export async function partnershipsOfMyAuthority(db: Database, actor: Actor | null): Promise<PartnershipView[]> {
  if (!actor) throw new Unauthenticated();
  if (!actor.authorityId || !speaksFor(actor, actor.authorityId)) return [];
  const rows = await viewRows(
    db,
    or(eq(partnerships.foreignAuthorityId, actor.authorityId), eq(partnerships.frenchAuthorityId, actor.authorityId))!,
  );
  return rows.map((row) => toView(actor, row));
}

/** Claims waiting in the countries a correspondent covers (every country for admins): what they confirm. */
export async function pendingPartnershipsInPerimeter(db: Database, actor: Actor | null): Promise<PartnershipView[]> {
  if (!actor) throw new Unauthenticated();
  const scope = perimeter(actor);
  if (!scope) return [];
  const rows = await viewRows(
    db,
    and(eq(partnerships.status, 'pending'), inPerimeter(foreignAuthority.country, scope))!,
  );
  return rows.map((row) => toView(actor, row));
}
