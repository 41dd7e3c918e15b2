import { APP_VERSION } from '../version.js';
import type { Services } from './services.js';

export interface Health {
  status: 'ok' | 'degraded';
  /** "restarting": the embedded service exited and its supervisor is starting it again. */
  postgres: 'ok' | 'down' | 'restarting';
  meilisearch: 'ok' | 'down' | 'restarting';
  version: string;
  down?: string[];
}

async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(
  services: Pick<Services, 'sql' | 'meili' | 'logger'> & Partial<Pick<Services, 'embedded'>>,
): Promise<Health> {
  const [pg, meili] = await Promise.allSettled([
    within(services.sql`select 1`, 2_000),
    within(services.meili.health(), 2_000),
  ]);
  const restarting = (service: 'postgres' | 'meilisearch') => services.embedded?.[service]?.state() === 'restarting';
  const postgres = pg.status === 'fulfilled' ? 'ok' : restarting('postgres') ? 'restarting' : 'down';
  const meilisearch = meili.status === 'fulfilled' ? 'ok' : restarting('meilisearch') ? 'restarting' : 'down';
  const down = [postgres !== 'ok' ? 'postgres' : null, meilisearch !== 'ok' ? 'meilisearch' : null].filter(
    (x): x is string => x !== null,
  );
  if (down.length) {
    services.logger.warn(
      {
        down,
        postgresError: pg.status === 'rejected' ? String(pg.reason) : undefined,
        meiliError: meili.status === 'rejected' ? String(meili.reason) : undefined,
      },
      'health check found a service down',
    );
  }
  return {
    status: down.length ? 'degraded' : 'ok',
    postgres,
    meilisearch,
    version: APP_VERSION,
    ...(down.length ? { down } : {}),
  };
}
