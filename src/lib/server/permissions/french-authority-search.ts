import type { Actor } from '../auth/actor.js';
import { Forbidden, Unauthenticated } from '../errors.js';
import { perimeter } from './perimeter.js';

/**
 * Searching the 35,000 French authorities (with their partnership counts) is staff work: embassy correspondents,
 * whatever countries they cover, and the delegation (admins). Members find their partners through the declaration
 * form, which names one authority at a time.
 */
export function maySearchFrenchAuthorities(actor: Pick<Actor, 'role' | 'countries'> | null | undefined): boolean {
  return perimeter(actor) !== null;
}

export function assertMaySearchFrenchAuthorities(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new Unauthenticated();
  if (!maySearchFrenchAuthorities(actor))
    throw new Forbidden('Only correspondents and admins search French authorities.');
}
