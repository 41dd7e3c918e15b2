// `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR.
import { withDatabase } from './with-database.js';

await withDatabase(async () => {
  console.log('migrations applied');
});
