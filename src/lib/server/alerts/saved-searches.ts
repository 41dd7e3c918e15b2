import { sha256 } from '@oslojs/crypto/sha2';
import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { savedSearches } from '../db/schema/index.js';
import { InvalidInput, NotFound, Unauthenticated } from '../errors.js';
import { parseSearchQuery, searchQueryFromUrl, searchQueryParams, type SearchInput } from '../search/search-query.js';
import { signedToken } from '../security/app-secret.js';
import { isUuid } from '../ids.js';

export const FREQUENCIES = ['daily', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const MAX_SAVED_SEARCHES = 50;

export interface SavedSearchView {
  id: string;
  name: string;
  /** The search as a query string, e.g. "country=SN&theme=health": the search page's own URL parameters. */
  query: string;
  frequency: Frequency;
  active: boolean;
  createdAt: string;
  lastNotifiedAt: string;
}

const hashToken = (token: string) => sha256(new TextEncoder().encode(token));
export const unsubscribeToken = (db: Database, id: string) => signedToken(db, 'unsubscribe', id);

/** The stored search as the search page's query string, in the page's own parameter order. */
export function savedQueryString(query: Record<string, string | string[]>): string {
  const raw = new URLSearchParams(
    Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
  );
  try {
    return searchQueryParams(searchQueryFromUrl(raw)).toString();
  } catch {
    return raw.toString(); // a code retired from the reference data since: show the search as it was saved
  }
}

function toView(row: typeof savedSearches.$inferSelect): SavedSearchView {
  return {
    id: row.id,
    name: row.name,
    query: savedQueryString(row.query),
    frequency: row.frequency as Frequency,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    lastNotifiedAt: row.lastNotifiedAt.toISOString(),
  };
}

/** The search is checked like any search, and stored without its page: an alert is about the whole result. */
export function normaliseSavedQuery(input: SearchInput): Record<string, string | string[]> {
  const params = searchQueryParams({ ...parseSearchQuery(input), page: 1, hitsPerPage: 20, sort: 'relevance' });
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = key === 'country' || key === 'theme' ? values : values[0]!;
  }
  return out;
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.trim().length < 1 || name.length > 120)
    throw new InvalidInput('name', 'Give the alert a name of 1 to 120 characters.');
  return name.trim();
}

function checkFrequency(frequency: unknown): Frequency {
  if (!FREQUENCIES.includes(frequency as Frequency))
    throw new InvalidInput('frequency', 'frequency must be daily or weekly');
  return frequency as Frequency;
}

export async function createSavedSearch(
  db: Database,
  actor: Actor | null,
  input: { name: unknown; query: SearchInput; frequency: unknown },
): Promise<SavedSearchView> {
  if (!actor) throw new Unauthenticated('Sign in to save a search.');
  const name = checkName(input.name);
  const frequency = checkFrequency(input.frequency);
  const query = normaliseSavedQuery(input.query);
  const existing = await db
    .select({ id: savedSearches.id })
    .from(savedSearches)
    .where(eq(savedSearches.userId, actor.userId));
  if (existing.length >= MAX_SAVED_SEARCHES)
    throw new InvalidInput('name', `At most ${MAX_SAVED_SEARCHES} saved searches per person.`);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(savedSearches)
      .values({ userId: actor.userId, name, query, frequency, unsubscribeTokenHash: new Uint8Array(32) })
      .returning();
    const token = await unsubscribeToken(db, row!.id);
    const [final] = await tx
      .update(savedSearches)
      .set({ unsubscribeTokenHash: hashToken(token) })
      .where(eq(savedSearches.id, row!.id))
      .returning();
    return toView(final!);
  });
}

export async function listSavedSearches(db: Database, actor: Actor | null): Promise<SavedSearchView[]> {
  if (!actor) throw new Unauthenticated();
  const rows = await db
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.userId, actor.userId))
    .orderBy(desc(savedSearches.createdAt));
  return rows.map(toView);
}

/** Only the owner changes or deletes an alert; another person's alert does not exist for them (404). */
export async function updateSavedSearch(
  db: Database,
  actor: Actor | null,
  id: string,
  patch: { name?: unknown; frequency?: unknown; active?: boolean },
): Promise<SavedSearchView> {
  if (!actor) throw new Unauthenticated();
  if (!isUuid(id)) throw new NotFound('This saved search');
  const set: Partial<typeof savedSearches.$inferInsert> = {};
  if (patch.name !== undefined) set.name = checkName(patch.name);
  if (patch.frequency !== undefined) set.frequency = checkFrequency(patch.frequency);
  if (patch.active !== undefined) set.active = patch.active;
  if (Object.keys(set).length === 0) throw new InvalidInput('body', 'Give at least one of name, frequency or active.');
  const [row] = await db
    .update(savedSearches)
    .set(set)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, actor.userId)))
    .returning();
  if (!row) throw new NotFound('This saved search');
  return toView(row);
}

export async function deleteSavedSearch(db: Database, actor: Actor | null, id: string): Promise<void> {
  if (!actor) throw new Unauthenticated();
  if (!isUuid(id)) throw new NotFound('This saved search');
  const deleted = await db
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, actor.userId)))
    .returning({ id: savedSearches.id });
  if (deleted.length === 0) throw new NotFound('This saved search');
}

/** One-click unsubscribe from a digest, without signing in: the link's token is the only credential. */
export async function unsubscribeByToken(db: Database, token: string): Promise<{ name: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .update(savedSearches)
    .set({ active: false })
    .where(eq(savedSearches.unsubscribeTokenHash, hashToken(token)))
    .returning({ name: savedSearches.name });
  return row ?? null;
}
