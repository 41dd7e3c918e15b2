import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { oneTimeTokens } from '../db/schema/index.js';
import { DomainError } from '../errors.js';

/** What a mailed link can do. The purpose is checked on use, so a reset link never verifies an email. */
export type TokenPurpose = 'email_verification' | 'password_reset' | 'invitation';

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  email_verification: 48 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
  invitation: 7 * 24 * 60 * 60 * 1000,
};

export class InvalidToken extends DomainError {
  constructor() {
    // One answer for unknown, expired, used or wrong-purpose links: a guess learns nothing.
    super(400, 'invalid_token', 'This link is invalid, has expired or was already used.', { field: 'token' });
  }
}

export type Executor = Pick<Database, 'insert' | 'update' | 'select' | 'delete'>;

export type OneTimeToken = typeof oneTimeTokens.$inferSelect;

function hashToken(token: string): Uint8Array {
  return sha256(new TextEncoder().encode(token));
}

function wellFormed(token: string): boolean {
  return /^[a-z2-7]{20,64}$/.test(token);
}

/** Creates a token; only its SHA-256 is stored, the clear value goes into the mail and nowhere else. */
export async function issueToken(
  db: Executor,
  input: { purpose: TokenPurpose; userId?: string | null; email?: string | null; payload?: Record<string, unknown> },
): Promise<{ token: string; expiresAt: Date }> {
  const bytes = new Uint8Array(25);
  crypto.getRandomValues(bytes);
  const token = encodeBase32LowerCaseNoPadding(bytes);
  const expiresAt = new Date(Date.now() + TOKEN_TTL_MS[input.purpose]);
  // A new link replaces the older unused ones of the same purpose and person.
  if (input.userId) {
    await db
      .delete(oneTimeTokens)
      .where(
        and(
          eq(oneTimeTokens.purpose, input.purpose),
          eq(oneTimeTokens.userId, input.userId),
          isNull(oneTimeTokens.usedAt),
        ),
      );
  }
  await db.insert(oneTimeTokens).values({
    purpose: input.purpose,
    tokenHash: hashToken(token),
    userId: input.userId ?? null,
    email: input.email ?? null,
    payload: input.payload ?? {},
    expiresAt,
  });
  return { token, expiresAt };
}

/** Reads a usable token without spending it (to show what an invitation is for). */
export async function peekToken(db: Executor, purpose: TokenPurpose, token: string): Promise<OneTimeToken> {
  if (!wellFormed(token)) throw new InvalidToken();
  const [row] = await db
    .select()
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashToken(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  if (!row) throw new InvalidToken();
  return row;
}

/**
 * Spends a token: one conditional UPDATE, so two concurrent uses cannot both succeed. Call it inside the
 * transaction that does what the token allows, so a failure there leaves the token unspent.
 */
export async function consumeToken(db: Executor, purpose: TokenPurpose, token: string): Promise<OneTimeToken> {
  if (!wellFormed(token)) throw new InvalidToken();
  const [row] = await db
    .update(oneTimeTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashToken(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, sql`now()`),
      ),
    )
    .returning();
  if (!row) throw new InvalidToken();
  return row;
}
