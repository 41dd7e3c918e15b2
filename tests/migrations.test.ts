import { afterAll, describe, expect, it } from 'vitest';
import { createTestServices, type TestContext } from './helpers/services.js';
import { runMigrations } from '../src/lib/server/db/migrate.js';

let ctx: TestContext | undefined;
afterAll(async () => ctx?.cleanup());

describe('migrations', () => {
  it('build the whole schema on an empty database, and a second run changes nothing', async () => {
    ctx = await createTestServices({}, { freshDatabase: true });
    const { sql, db } = ctx.services;
    const tables = await sql<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`;
    const names = tables.map((t) => t.table_name);
    for (const expected of [
      'authorities',
      'users',
      'correspondent_countries',
      'sessions',
      'listings',
      'moderation_events',
      'search_outbox',
    ]) {
      expect(names).toContain(expected);
    }
    const [before] = await sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
    await runMigrations(db);
    const [after] = await sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(after!.n).toBe(before!.n);
    expect(before!.n).toBeGreaterThan(0);
  });
});
