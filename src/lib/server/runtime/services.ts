import { Meilisearch } from 'meilisearch';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { connectDatabase, type Database, type Sql } from '../db/index.js';
import { runMigrations } from '../db/migrate.js';
import { startEmbeddedMeilisearch } from '../embedded/meilisearch.js';
import { ensureSearchKey, searchClient } from '../search/keys.js';
import { startEmbeddedPostgres } from '../embedded/postgres.js';
import { freePort } from '../embedded/child-process.js';
import { supervise, type SupervisedService } from '../embedded/supervisor.js';

/** Everything the domain needs at run time, created once per process and shared by Fastify and SvelteKit. */
export interface Services {
  config: Config;
  logger: Logger;
  /** Connection string of the database in use (embedded or external), for clients that open their own pool. */
  databaseUrl: string;
  sql: Sql;
  db: Database;
  /** Indexing and administration (master key). */
  meili: Meilisearch;
  /** Searches only: a key restricted to the listings index and the search action (search/keys.ts). */
  meiliSearch: Meilisearch;
  /** Prefix every Meilisearch index name with this (tests give each file its own). */
  indexPrefix: string;
  /** Embedded services, restarted when they exit (null when DATABASE_URL / MEILI_URL name external ones). */
  embedded: { postgres: SupervisedService | null; meilisearch: SupervisedService | null };
  /** Hooks run at close(), last registered first (background workers, relays). */
  onClose(hook: () => Promise<void>): void;
  close(): Promise<void>;
}

const GLOBAL_KEY = Symbol.for('bourse-projets.services');
type GlobalWithServices = typeof globalThis & { [GLOBAL_KEY]?: Services };

/**
 * SvelteKit bundles its own copy of our server modules, so the one instance lives on globalThis where both
 * copies find it.
 */
export function registerServices(services: Services | undefined): void {
  (globalThis as GlobalWithServices)[GLOBAL_KEY] = services;
}

export function getServices(): Services {
  const services = (globalThis as GlobalWithServices)[GLOBAL_KEY];
  if (!services) throw new Error('Services are not started: start the app through src/server.ts (or `npm run dev`)');
  return services;
}

export async function startServices(config: Config, logger: Logger): Promise<Services> {
  const closeHooks: Array<() => Promise<void>> = [];
  const embedded: Services['embedded'] = { postgres: null, meilisearch: null };
  try {
    // Each restart reuses the first port: clients keep their URL.
    const startPostgres = async () => {
      const log = logger.child({ component: 'embedded-postgres' });
      const port = await freePort();
      return supervise('PostgreSQL', () => startEmbeddedPostgres({ dataDir: config.dataDir, logger: log, port }), log);
    };
    const startMeilisearch = async () => {
      const log = logger.child({ component: 'embedded-meilisearch' });
      const port = await freePort();
      return supervise(
        'Meilisearch',
        () => startEmbeddedMeilisearch({ dataDir: config.dataDir, logger: log, port }),
        log,
      );
    };
    const [pg, meili] = await Promise.all([
      config.databaseUrl ? null : startPostgres(),
      config.meiliUrl ? null : startMeilisearch(),
    ]);
    embedded.postgres = pg;
    embedded.meilisearch = meili;
    const databaseUrl = config.databaseUrl ?? pg!.url;
    const { sql, db } = connectDatabase(databaseUrl);
    const masterKey = config.meiliMasterKey ?? meili!.current().masterKey;
    const meiliClient = new Meilisearch({ host: config.meiliUrl ?? meili!.url, apiKey: masterKey, timeout: 5_000 });
    const meiliSearch = searchClient(meiliClient, masterKey, config.meiliIndexPrefix);
    // Best effort here (the search relay registers it again once Meilisearch answers): until then searches are
    // refused by Meilisearch and answered from PostgreSQL.
    await ensureSearchKey(meiliClient, masterKey, config.meiliIndexPrefix).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not register the search-only Meilisearch key yet'),
    );
    await runMigrations(databaseUrl);
    logger.info('database migrations applied');

    const services: Services = {
      config,
      logger,
      databaseUrl,
      sql,
      db,
      meili: meiliClient,
      meiliSearch,
      indexPrefix: config.meiliIndexPrefix,
      embedded,
      onClose(hook) {
        closeHooks.push(hook);
      },
      async close() {
        for (const hook of closeHooks.reverse()) {
          await hook().catch((error: unknown) => logger.error({ err: error }, 'error while closing a service'));
        }
        await sql.end({ timeout: 5 });
        await Promise.all([embedded.postgres?.stop(), embedded.meilisearch?.stop()]);
        registerServices(undefined);
      },
    };
    registerServices(services);
    return services;
  } catch (error) {
    await Promise.allSettled([embedded.postgres?.stop(), embedded.meilisearch?.stop()]);
    throw error;
  }
}
