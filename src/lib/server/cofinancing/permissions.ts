import type { Actor } from '../auth/actor.js';
import { Forbidden, Unauthenticated } from '../errors.js';

/** The catalogue and the support networks are the delegation's: only an admin edits them; everyone reads them. */
export function assertCanAdministerCatalogue(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new Unauthenticated();
  if (actor.role !== 'admin')
    throw new Forbidden('Only the delegation (admin) edits the co-financing catalogue and the support networks.');
}
