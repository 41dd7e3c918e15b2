import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { expect } from 'vitest';
import { searchOutbox } from '../../src/lib/server/db/schema/index.js';
import { enqueueSearchSync } from '../../src/lib/server/search/outbox.js';
import { test } from '../helpers/test.js';

test('queues more requests in one transaction than PostgreSQL takes parameters in one statement', async ({
  services,
}) => {
  // A programme open to every country and theme re-syncs every searchable request when it closes: with 100,000
  // requests the app once failed at start-up on PostgreSQL's 65,535-parameter cap.
  const ids = Array.from({ length: 70_000 }, () => randomUUID());
  const [before] = await services.db.select({ n: count() }).from(searchOutbox);
  await services.db.transaction((tx) => enqueueSearchSync(tx, ids));
  const [after] = await services.db.select({ n: count() }).from(searchOutbox);
  expect(after!.n - before!.n).toBe(70_000);
});
