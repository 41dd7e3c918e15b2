import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { notices } from '../db/schema/index.js';
import type { NotificationKind } from './kinds.js';
import { mailLocale } from './language.js';
import { noticeText } from './render.js';

export interface NoticeView {
  id: number;
  kind: NotificationKind;
  text: string;
  path: string;
  createdAt: string;
  read: boolean;
}

/** A person's notices, newest first, written in the language they read the page in. */
export async function listNotices(db: Database, userId: string, locale: string, limit = 100): Promise<NoticeView[]> {
  const rows = await db.select().from(notices).where(eq(notices.userId, userId)).orderBy(desc(notices.id)).limit(limit);
  const lang = mailLocale(locale);
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind as NotificationKind,
    text: noticeText(n.kind as NotificationKind, n.params, lang),
    path: n.path,
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
  }));
}

export async function unreadCount(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notices)
    .where(and(eq(notices.userId, userId), isNull(notices.readAt)));
  return row?.n ?? 0;
}

/** Marks some (or all) of a person's own notices read; ids of someone else's notices change nothing. */
export async function markRead(db: Database, userId: string, ids: number[] | 'all'): Promise<number> {
  const scope = ids === 'all' ? undefined : inArray(notices.id, ids.length ? ids : [-1]);
  const updated = await db
    .update(notices)
    .set({ readAt: new Date() })
    .where(and(eq(notices.userId, userId), isNull(notices.readAt), scope))
    .returning({ id: notices.id });
  return updated.length;
}

/** The notice a person opens: marked read, its path returned (null if it is not theirs). */
export async function openNotice(db: Database, userId: string, id: number): Promise<string | null> {
  const [row] = await db
    .update(notices)
    .set({ readAt: sql`coalesce(${notices.readAt}, now())` })
    .where(and(eq(notices.id, id), eq(notices.userId, userId)))
    .returning({ path: notices.path });
  return row?.path ?? null;
}
