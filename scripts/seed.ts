// `npm run seed`: loads the demo (accounts, authorities, requests in every state) into the configured database.
// Idempotent: run it twice and nothing is duplicated; requests are only added to a database that has none.
import { loadDemoData } from '../src/lib/server/demo/load.js';
import { withDatabase } from './with-database.js';

await withDatabase(async (db) => {
  const started = Date.now();
  const result = await loadDemoData(db, (line) => console.log(line));
  console.log(`demo ready in ${((Date.now() - started) / 1000).toFixed(1)} s${result.skipped ? ' (requests already present)' : ''}`);
});
