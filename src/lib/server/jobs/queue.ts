import PgBoss from 'pg-boss';
import type { Services } from '../runtime/services.js';

/**
 * A job is a named, retried, idempotent unit of background work stored in Postgres (pg-boss). Handlers must be
 * safe to run twice: pg-boss guarantees at-least-once delivery, and `singletonKey` keeps duplicates out.
 */
export interface JobDefinition<T extends object = object> {
  name: string;
  handler: (services: Services, data: T) => Promise<void>;
  /** cron expression (UTC): pg-boss runs it once per slot across all app processes. */
  cron?: string;
  retryLimit?: number;
}

export interface JobQueue {
  send<T extends object>(
    name: string,
    data: T,
    options?: { singletonKey?: string; startAfter?: Date | number },
  ): Promise<string | null>;
  stop(): Promise<void>;
}

const QUEUE_KEY = Symbol.for('bourse-projets.job-queue');
type G = typeof globalThis & { [QUEUE_KEY]?: JobQueue };

/** The process's job queue, or null when background work is not running (tests that call handlers directly). */
export function jobQueue(): JobQueue | null {
  return (globalThis as G)[QUEUE_KEY] ?? null;
}

/** An arbitrary constant shared by every process: the key of the job-setup advisory lock. */
const JOB_SETUP_LOCK = 471_010;

async function setUp(
  boss: PgBoss,
  definitions: JobDefinition<never>[],
  services: Services,
  log: Services['logger'],
): Promise<void> {
  await boss.start();
  for (const definition of definitions) {
    await boss.createQueue(definition.name, {
      name: definition.name,
      retryLimit: definition.retryLimit ?? 5,
      retryBackoff: true,
      retryDelay: 30,
    });
    await boss.work<object>(definition.name, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
      if (!job) return;
      const started = Date.now();
      try {
        await definition.handler(services, job.data as never);
        log.info({ job: definition.name, jobId: job.id, ms: Date.now() - started }, 'job done');
      } catch (error) {
        log.error(
          { err: error, job: definition.name, jobId: job.id, data: job.data },
          'job failed; pg-boss will retry it',
        );
        throw error;
      }
    });
    if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: 'UTC' });
  }
}

export async function startJobQueue(services: Services, definitions: JobDefinition<never>[]): Promise<JobQueue> {
  const log = services.logger.child({ component: 'jobs' });
  const boss = new PgBoss({
    connectionString: services.databaseUrl,
    schema: 'pgboss',
    max: 4,
    application_name: 'bourse-projets-jobs',
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
    expireInMinutes: 15,
    archiveCompletedAfterSeconds: 7 * 24 * 3600,
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  // Several processes starting at once on a fresh database deadlock inside pg-boss's schema and queue creation:
  // one process sets the queues up at a time.
  const setupLock = await services.sql.reserve();
  try {
    await setupLock`select pg_advisory_lock(${JOB_SETUP_LOCK})`;
    await setUp(boss, definitions, services, log);
  } finally {
    await setupLock`select pg_advisory_unlock(${JOB_SETUP_LOCK})`.catch(() => undefined);
    setupLock.release();
  }
  const queue: JobQueue = {
    send: (name, data, options = {}) =>
      boss.send(name, data, { ...options, ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}) }),
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      (globalThis as G)[QUEUE_KEY] = undefined;
    },
  };
  (globalThis as G)[QUEUE_KEY] = queue;
  log.info({ queues: definitions.map((d) => d.name) }, 'job queue started');
  return queue;
}
