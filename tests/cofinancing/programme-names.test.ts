import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listProgrammes,
  loadCofinancingReference,
  updateProgramme,
} from '../../src/lib/server/cofinancing/catalogue.js';
import { programmeNames } from '../../src/lib/server/cofinancing/programme-names.js';
import { cofinancingProgrammes } from '../../src/lib/server/db/schema/index.js';
import { loadActor, type Actor } from '../../src/lib/server/auth/actor.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createUser } from '../helpers/fixtures.js';

// The search page labels its "co-financeable by" facet from names this process keeps for a while: what an admin
// changes here shows on the next page, and a programme it has never seen is read when a result names it.

let ctx: TestContext;
let admin: Actor;
beforeAll(async () => {
  ctx = await createTestServices();
  await loadCofinancingReference(ctx.services.db);
  const user = await createUser(ctx.services, { role: 'admin' });
  admin = (await loadActor(ctx.services.db, user.id, null))!;
});
afterAll(async () => ctx?.cleanup());

describe('programme names on the search page', () => {
  it('names the programmes asked for, skips unknown slugs, and shows an admin’s rename on the next read', async () => {
    const { db } = ctx.services;
    const senegal = (await listProgrammes(db)).find((p) => p.slug === 'dctciv-franco-senegalais')!;
    expect(await programmeNames(db, ['dctciv-franco-senegalais', 'no-such-programme'])).toEqual([
      { slug: 'dctciv-franco-senegalais', name: senegal.name },
    ]);

    const { id, slug, version, createdAt, updatedAt, updatedBy, closedAt, ...fields } = senegal;
    void [slug, createdAt, updatedAt, updatedBy, closedAt];
    await updateProgramme(db, admin, id, { ...fields, name: 'Appel franco-sénégalais (renommé)' }, version);
    expect(await programmeNames(db, ['dctciv-franco-senegalais'])).toEqual([
      { slug: 'dctciv-franco-senegalais', name: 'Appel franco-sénégalais (renommé)' },
    ]);
  });

  it('reads the names again for a programme another instance of the app created', async () => {
    const { db } = ctx.services;
    await programmeNames(db, ['dctciv-franco-senegalais']);
    const model = (await listProgrammes(db))[0]!;
    const { id, slug, version, createdAt, updatedAt, updatedBy, closedAt, ...fields } = model;
    void [id, slug, version, createdAt, updatedAt, updatedBy, closedAt];
    // Written behind this process's back, as another instance would.
    await db
      .insert(cofinancingProgrammes)
      .values({ ...fields, slug: 'appel-cree-ailleurs', name: 'Appel créé ailleurs' });
    // Names read less than a second ago are trusted (an unknown slug in a link cannot make every page re-read).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await programmeNames(db, ['appel-cree-ailleurs'])).toEqual([
      { slug: 'appel-cree-ailleurs', name: 'Appel créé ailleurs' },
    ]);
    await db.delete(cofinancingProgrammes).where(eq(cofinancingProgrammes.slug, 'appel-cree-ailleurs'));
  });
});
