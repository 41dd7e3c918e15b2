// `npm run authorities:load`: every French local authority (régions, départements, ~35,000 communes, EPCI) from
// @etalab/decoupage-administratif, upserted in batches. Safe to re-run after a package update.
import { loadFrenchAuthorities } from '../src/lib/server/authorities/french-loader.js';
import { withDatabase } from './with-database.js';

await withDatabase(async (db) => {
  const started = Date.now();
  let lastPercent = -1;
  const total = await loadFrenchAuthorities(db, {
    communes: 'all',
    onProgress(done, all) {
      const percent = Math.floor((done / all) * 10) * 10;
      if (percent !== lastPercent || done === all) console.log(`french authorities: ${done}/${all} (${percent} %)`);
      lastPercent = percent;
    },
  });
  console.log(`${total} French authorities loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
