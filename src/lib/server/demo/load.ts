import { loadCofinancingReference } from '../cofinancing/catalogue.js';
import { setDemoCallDates } from '../cofinancing/demo-dates.js';
import { loadSupportReference } from '../cofinancing/support.js';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password.js';
import type { Database } from '../db/index.js';
import { authorities, correspondentCountries, listings, moderationEvents, users } from '../db/schema/index.js';
import { frenchCode, loadFrenchAuthorities } from '../authorities/french-loader.js';
import { publicationEnd, type ListingStatus } from '../listings/transitions.js';
import { enqueueSearchSync } from '../search/outbox.js';
import { DEMO_ACCOUNTS, DEMO_FRENCH_COMMUNES } from './accounts.js';
import { DEMO_AUTHORITIES } from './authorities.js';
import { DEMO_LISTINGS, type DemoListing } from './listings.js';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
const DAY = 24 * 3600 * 1000;

/** The steps that lead to each state, as the audit trail records them: [action, from, to, role]. */
function pathTo(
  status: ListingStatus,
  revision: boolean,
): Array<[string, ListingStatus | null, ListingStatus, string]> {
  const steps: Array<[string, ListingStatus | null, ListingStatus, string]> = [
    ['create', null, 'draft', 'foreign_authority'],
  ];
  if (status === 'draft') return steps;
  steps.push(['submit', 'draft', 'submitted', 'foreign_authority']);
  if (status === 'submitted') return steps;
  if (status === 'changes_requested')
    return [...steps, ['request_changes', 'submitted', 'changes_requested', 'correspondent']];
  if (status === 'rejected') return [...steps, ['reject', 'submitted', 'rejected', 'correspondent']];
  steps.push(['approve', 'submitted', 'published', 'correspondent']);
  if (status === 'archived') steps.push(['archive', 'published', 'archived', 'foreign_authority']);
  if (status === 'expired') steps.push(['expire', 'published', 'expired', 'system']);
  if (['in_discussion', 'matched', 'closed'].includes(status))
    steps.push(['start_discussion', 'published', 'in_discussion', 'foreign_authority']);
  if (['matched', 'closed'].includes(status)) steps.push(['match', 'in_discussion', 'matched', 'foreign_authority']);
  if (status === 'closed') steps.push(['close', 'matched', 'closed', 'foreign_authority']);
  if (revision)
    steps.push(
      ['edit_revision', 'published', 'published', 'foreign_authority'],
      ['submit_revision', 'published', 'published', 'foreign_authority'],
    );
  return steps;
}

async function insertListing(
  tx: Tx,
  demo: DemoListing,
  authority: { id: string; country: string; name: string },
  ids: { author: string | null; moderator: string },
) {
  const now = Date.now();
  const submittedAt = new Date(now - demo.daysAgo * DAY);
  const createdAt = new Date(submittedAt.getTime() - 2 * DAY);
  const reachedPublication = !['draft', 'submitted', 'changes_requested', 'rejected'].includes(demo.status);
  const publishedAt = reachedPublication ? new Date(submittedAt.getTime() + 3 * DAY) : null;
  const slug = authority.name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
  const steps = pathTo(demo.status, !!demo.revision);
  const [row] = await tx
    .insert(listings)
    .values({
      authorityId: authority.id,
      country: authority.country,
      createdBy: ids.author,
      status: demo.status,
      version: steps.length,
      originalLanguage: demo.lang,
      title: demo.title,
      summary: demo.summary,
      context: demo.context ?? null,
      objectives: demo.objectives ?? null,
      expectedFromFrance: demo.expectedFromFrance ?? null,
      themes: demo.themes,
      forms: demo.forms,
      contributionTypes: demo.contributionTypes,
      exchangeLanguages: demo.exchangeLanguages,
      durationMonths: demo.durationMonths ?? null,
      budgetEur: demo.budgetEur ?? null,
      localContributionEur: demo.localContributionEur ?? null,
      desiredPartner: demo.desiredPartner ?? {},
      translations: demo.translations ?? {},
      // Invented people on reserved example domains: contact data that must never be shown publicly.
      electedOfficial: {
        name: 'Maire (démo)',
        title: demo.lang === 'es' ? 'Alcalde' : demo.lang === 'en' ? 'Mayor' : 'Maire',
        email: `maire@${slug}.example.org`,
      },
      technicalContact: { name: 'Responsable coopération (démo)', email: `cooperation@${slug}.example.org` },
      revision: demo.revision ?? null,
      revisionStatus: demo.revision ? 'submitted' : null,
      submittedAt: demo.status === 'draft' ? null : demo.revision ? new Date(now - 2 * DAY) : submittedAt,
      publishedAt,
      lastConfirmedAt: publishedAt,
      expiresAt: publishedAt ? publicationEnd(publishedAt) : null,
      createdAt,
      updatedAt: new Date(now - Math.min(demo.daysAgo, 2) * DAY),
    })
    .returning({ id: listings.id });
  const listingId = row!.id;
  await tx.insert(moderationEvents).values(
    steps.map(([action, fromStatus, toStatus, role], i) => ({
      listingId,
      actorId: role === 'correspondent' ? ids.moderator : role === 'foreign_authority' ? ids.author : null,
      actorRole: role,
      action,
      fromStatus,
      toStatus,
      comment: ['request_changes', 'reject'].includes(action)
        ? (demo.moderatorComment ?? null)
        : action === 'expire'
          ? 'Not reconfirmed within 12 months of publication.'
          : null,
      createdAt: new Date(Math.min(now - 60_000, createdAt.getTime() + i * 3 * DAY)),
    })),
  );
  await enqueueSearchSync(tx, listingId);
}

export interface DemoResult {
  frenchAuthorities: number;
  listings: number;
  skipped: boolean;
}

/**
 * Loads the demo: French régions, départements and a few communes, foreign authorities, one account per role,
 * and requests in every state. Idempotent: authorities and accounts are upserted; requests are added only to a
 * database that has none.
 */
export async function loadDemoData(db: Database, log: (message: string) => void = () => {}): Promise<DemoResult> {
  const frenchAuthorities = await loadFrenchAuthorities(db, { communes: DEMO_FRENCH_COMMUNES });
  await loadCofinancingReference(db);
  await loadSupportReference(db);
  await setDemoCallDates(db);
  log("demo: co-financing catalogue with example dates for the ministry's calls (to be confirmed)");
  log(`demo: ${frenchAuthorities} French authorities (régions, départements, ${DEMO_FRENCH_COMMUNES.length} communes)`);

  await db
    .insert(authorities)
    .values(
      DEMO_AUTHORITIES.map((a) => ({
        kind: 'foreign' as const,
        type: a.type,
        name: a.name,
        country: a.country,
        region: a.region,
        officialCode: `demo:${a.key}`,
        population: a.population,
        latitude: a.latitude,
        longitude: a.longitude,
        languages: a.languages,
        website: a.website ?? null,
        existingPartners: a.existingPartners ?? null,
        verifiedAt: a.verified ? new Date() : null,
      })),
    )
    .onConflictDoNothing();
  const foreign = await db
    .select()
    .from(authorities)
    .where(
      and(
        eq(authorities.kind, 'foreign'),
        inArray(
          authorities.officialCode,
          DEMO_AUTHORITIES.map((a) => `demo:${a.key}`),
        ),
      ),
    );
  const byKey = new Map(foreign.map((a) => [a.officialCode!.slice('demo:'.length), a]));
  log(`demo: ${foreign.length} foreign authorities in ${new Set(foreign.map((a) => a.country)).size} countries`);

  const [lannion] = await db
    .select({ id: authorities.id })
    .from(authorities)
    .where(and(eq(authorities.kind, 'french'), eq(authorities.officialCode, frenchCode('commune', '22113'))));
  const accountIds: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) {
    const authorityId =
      'authority' in account
        ? byKey.get(account.authority)!.id
        : 'frenchCommune' in account
          ? (lannion?.id ?? null)
          : null;
    await db
      .insert(users)
      .values({
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        authorityId,
        passwordHash: await hashPassword(account.password),
        emailVerifiedAt: new Date(),
        approvedAt: new Date(),
        membership: 'approved',
      })
      .onConflictDoNothing();
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${account.email}`);
    accountIds[account.key] = user!.id;
    if ('countries' in account) {
      await db
        .insert(correspondentCountries)
        .values(account.countries.map((country) => ({ userId: user!.id, country })))
        .onConflictDoNothing();
    }
  }
  log(`demo: ${DEMO_ACCOUNTS.length} accounts (${DEMO_ACCOUNTS.map((a) => a.email).join(', ')})`);

  const [existing] = await db.select({ n: count() }).from(listings);
  if ((existing?.n ?? 0) > 0) {
    log('demo: the database already has requests; none added');
    return { frenchAuthorities, listings: 0, skipped: true };
  }
  await db.transaction(async (tx) => {
    for (const demo of DEMO_LISTINGS) {
      const authority = byKey.get(demo.authority)!;
      await insertListing(tx, demo, authority, {
        author: demo.authority === 'ziguinchor' ? accountIds.foreign! : null,
        moderator: ['SN', 'MA'].includes(authority.country) ? accountIds.correspondent! : accountIds.admin!,
      });
    }
  });
  log(`demo: ${DEMO_LISTINGS.length} cooperation requests in every state`);
  return { frenchAuthorities, listings: DEMO_LISTINGS.length, skipped: false };
}
