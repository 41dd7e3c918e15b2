import { and, isNull, like, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { cofinancingProgrammes } from '../db/schema/index.js';
import { todayInFrance } from './catalogue.js';

const shift = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo only: gives the ministry's calls example dates around today (flagged "to be confirmed") so the demo shows
 * open calls and a deadline alert; the franco-Senegalese call closes in 14 days. Calls that have dates keep them.
 */
export async function setDemoCallDates(db: Database, now = new Date()): Promise<void> {
  const today = todayInFrance(now);
  const closesIn = (slug: string) =>
    slug === 'dctciv-franco-senegalais'
      ? 14
      : slug.startsWith('dctciv-generaliste') || slug === 'dctciv-cles-en-main'
        ? 75
        : 45;
  const calls = await db
    .select({ id: cofinancingProgrammes.id, slug: cofinancingProgrammes.slug })
    .from(cofinancingProgrammes)
    .where(and(like(cofinancingProgrammes.slug, 'dctciv-%'), isNull(cofinancingProgrammes.closesOn)));
  for (const call of calls) {
    await db
      .update(cofinancingProgrammes)
      .set({
        opensOn: shift(today, -30),
        closesOn: shift(today, closesIn(call.slug)),
        datesToConfirm: true,
        updatedAt: new Date(),
      })
      .where(sql`${cofinancingProgrammes.id} = ${call.id}`);
  }
}
