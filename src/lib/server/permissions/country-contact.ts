import type { Actor } from '../auth/actor.js';
import { Forbidden, Unauthenticated } from '../errors.js';
import { coversCountry } from './perimeter.js';

/**
 * A country's institutional contact (its embassy's cooperation service) is kept by the people who moderate that
 * country: the delegation (admin) for every country, a correspondent for the countries they cover, nobody else.
 */
export function mayEditCountryContact(
  actor: Pick<Actor, 'role' | 'countries'> | null | undefined,
  country: string,
): boolean {
  return coversCountry(actor, country);
}

export function assertMayEditCountryContact(actor: Actor | null, country: string): asserts actor is Actor {
  if (!actor) throw new Unauthenticated();
  if (!mayEditCountryContact(actor, country))
    throw new Forbidden('Only the delegation and the correspondents covering this country edit its contact.');
}
