import { APP_VERSION } from '../version.js';
import type { Services } from './services.js';

export interface Health {
  status: 'ok' | 'degraded';
  postgres: 'ok' | 'down';
  meilisearch: 'ok' | 'down';
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

export async function checkHealth(services: Pick<Services, 'sql' | 'meili' | 'logger'>): Promise<Health> {
  const [pg, meili] = await Promise.allSettled([
    within(services.sql`select 1`, 2_000),
    within(services.meili.health(), 2_000),
  ]);
  const postgres = pg.status === 'fulfilled' ? 'ok' : 'down';
  const meilisearch = meili.status === 'fulfilled' ? 'ok' : 'down';
  const down = [postgres === 'down' ? 'postgres' : null, meilisearch === 'down' ? 'meilisearch' : null].filter(
    (x): x is string => x !== null,
  );
  if (down.length) {
    services.logger.warn(
      { down, postgresError: pg.status === 'rejected' ? String(pg.reason) : undefined, meiliError: meili.status === 'rejected' ? String(meili.reason) : undefined },
      'health check found a service down',
    );
  }
  return { status: down.length ? 'degraded' : 'ok', postgres, meilisearch, version: APP_VERSION, ...(down.length ? { down } : {}) };
}
