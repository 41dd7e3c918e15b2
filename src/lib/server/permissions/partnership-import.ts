import type { Actor } from '../auth/actor.js';
import { Forbidden, Unauthenticated } from '../errors.js';

/**
 * Importing existing partnerships writes confirmed partnerships for any pair of authorities in any country, in
 * bulk: the delegation (admin) alone does it, and alone sees, commits or rolls back an import.
 */
export function mayImportPartnerships(actor: Pick<Actor, 'role'> | null | undefined): boolean {
  return actor?.role === 'admin';
}

export function assertMayImportPartnerships(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new Unauthenticated();
  if (!mayImportPartnerships(actor)) throw new Forbidden('Only the delegation (admin) imports partnerships.');
}
