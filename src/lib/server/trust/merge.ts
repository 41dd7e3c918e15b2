import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, listings, partnerships, users } from '../db/schema/index.js';
import { Conflict, Forbidden, InvalidInput, NotFound, Unauthenticated } from '../errors.js';
import { isUuid } from '../ids.js';
import { coversCountry } from '../permissions/perimeter.js';
import { enqueueSearchSync } from '../search/outbox.js';
import { recordTrustEvent } from './audit.js';

export interface MergeResult {
  keptId: string;
  removedId: string;
  moved: { listings: number; members: number; partnerships: number; partnershipsEnded: number };
}

/**
 * Merges a duplicate foreign authority into the one kept: its requests (and so their conversations), members
 * and partnerships move, in one audited transaction; then the duplicate is deleted. A partnership both had with
 * the same French authority is kept once: the duplicate's copy is ended ("merged"), so the trail keeps it.
 * Correspondents merge within the countries they cover, admins anywhere.
 */
export async function mergeAuthorities(
  db: Database,
  actor: Actor | null,
  keepId: string,
  duplicateId: string,
  reasonInput?: string | null,
): Promise<MergeResult> {
  if (!actor) throw new Unauthenticated();
  if (!isUuid(keepId)) throw new InvalidInput('keepId', 'keepId must be an authority id.');
  if (!isUuid(duplicateId)) throw new InvalidInput('duplicateId', 'duplicateId must be an authority id.');
  if (keepId === duplicateId) throw new InvalidInput('duplicateId', 'An authority cannot be merged into itself.');
  const reason = reasonInput?.trim() || null;
  return db.transaction(async (tx) => {
    // Both rows locked in a fixed order: two merges of the same pair at once cannot interleave.
    const rows = await tx
      .select()
      .from(authorities)
      .where(inArray(authorities.id, [keepId, duplicateId]))
      .orderBy(authorities.id)
      .for('update');
    const keep = rows.find((r) => r.id === keepId);
    const duplicate = rows.find((r) => r.id === duplicateId);
    if (!keep || !duplicate) throw new NotFound('This authority');
    if (keep.kind !== 'foreign' || duplicate.kind !== 'foreign')
      throw new InvalidInput('duplicateId', 'Only foreign authorities are merged here.');
    if (keep.country !== duplicate.country)
      throw new Conflict('These authorities are in different countries: they are not duplicates.');
    if (!coversCountry(actor, keep.country)) {
      throw new Forbidden(`Only the correspondent covering ${keep.country} or an admin may merge these authorities.`);
    }
    const movedListings = await tx
      .update(listings)
      .set({ authorityId: keepId, updatedAt: new Date() })
      .where(eq(listings.authorityId, duplicateId))
      .returning({ id: listings.id });
    const movedMembers = await tx
      .update(users)
      .set({ authorityId: keepId, updatedAt: new Date() })
      .where(eq(users.authorityId, duplicateId))
      .returning({ id: users.id });
    const ended = await tx
      .update(partnerships)
      .set({
        status: 'ended',
        endedAt: new Date(),
        endedBy: actor.userId,
        endReason: `Merged into ${keep.name}: the same partnership is kept there.`,
      })
      .where(
        and(
          eq(partnerships.foreignAuthorityId, duplicateId),
          ne(partnerships.status, 'ended'),
          sql`exists (select 1 from partnerships k where k.foreign_authority_id = ${keepId} and k.french_authority_id = ${partnerships.frenchAuthorityId}
            and coalesce(k.listing_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(${partnerships.listingId}, '00000000-0000-0000-0000-000000000000'::uuid)
            and k.status <> 'ended')`,
        ),
      )
      .returning({ id: partnerships.id });
    const movedPartnerships = await tx
      .update(partnerships)
      .set({ foreignAuthorityId: keepId })
      .where(eq(partnerships.foreignAuthorityId, duplicateId))
      .returning({ id: partnerships.id });
    const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
    await tx
      .update(authorities)
      .set({
        verifiedAt: keep.verifiedAt ?? duplicate.verifiedAt,
        verifiedBy: keep.verifiedAt ? keep.verifiedBy : duplicate.verifiedBy,
        region: keep.region ?? duplicate.region,
        website: keep.website ?? duplicate.website,
        population: keep.population ?? duplicate.population,
        latitude: keep.latitude ?? duplicate.latitude,
        longitude: keep.longitude ?? duplicate.longitude,
        languages: union(keep.languages, duplicate.languages),
        themes: union(keep.themes, duplicate.themes),
        existingPartners: keep.existingPartners ?? duplicate.existingPartners,
        updatedAt: new Date(),
      })
      .where(eq(authorities.id, keepId));
    await tx.delete(authorities).where(eq(authorities.id, duplicateId));
    // The requests now carry the kept authority's name (and verification) in search.
    await enqueueSearchSync(
      tx,
      movedListings.map((l) => l.id),
    );
    const moved = {
      listings: movedListings.length,
      members: movedMembers.length,
      partnerships: movedPartnerships.length,
      partnershipsEnded: ended.length,
    };
    await recordTrustEvent(tx, {
      actor,
      action: 'authority.merge',
      authorityId: keepId,
      reason,
      details: {
        removedId: duplicateId,
        removedName: duplicate.name,
        moved,
        listingIds: movedListings.map((l) => l.id),
        memberIds: movedMembers.map((m) => m.id),
      },
    });
    return { keptId: keepId, removedId: duplicateId, moved };
  });
}
