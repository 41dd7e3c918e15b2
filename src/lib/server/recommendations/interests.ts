import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities } from '../db/schema/index.js';
import { Forbidden, InvalidInput, Unauthenticated } from '../errors.js';
import { isThemeCode } from '../../reference/index.js';
import { assertSpeaksFor } from '../permissions/membership.js';

/** The themes an authority works on: what its suggestions are scored against. */
export async function setAuthorityThemes(db: Database, actor: Actor | null, themes: unknown): Promise<string[]> {
  if (!actor) throw new Unauthenticated();
  if (!actor.authorityId || (actor.role !== 'french_authority' && actor.role !== 'foreign_authority')) {
    throw new Forbidden('Only members of a local authority declare its themes.');
  }
  assertSpeaksFor(actor, actor.authorityId, 'Changing the themes of your authority');
  if (!Array.isArray(themes) || themes.length > 18 || !themes.every(isThemeCode)) {
    throw new InvalidInput('themes', 'themes must be a list of theme codes such as water_sanitation');
  }
  const unique = [...new Set(themes as string[])];
  await db
    .update(authorities)
    .set({ themes: unique, updatedAt: new Date() })
    .where(eq(authorities.id, actor.authorityId));
  return unique;
}
