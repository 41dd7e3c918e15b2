import type { Logger } from 'pino';
import type { EmbeddedService } from './postgres.js';

export type SupervisedState = 'running' | 'restarting' | 'failed' | 'stopped';

export interface SupervisedService<S extends EmbeddedService = EmbeddedService> extends EmbeddedService {
  state(): SupervisedState;
  /** The instance currently running (its pid changes with each restart). */
  current(): S;
}

export interface RestartPolicy {
  /** Restarts allowed within `windowMs` before giving up (the service is then reported down until the app restarts). */
  maxRestarts: number;
  windowMs: number;
  /** First delay before a restart, doubled at each failed attempt, capped. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  maxRestarts: 5,
  windowMs: 10 * 60_000,
  firstDelayMs: 500,
  maxDelayMs: 8_000,
};

/**
 * Keeps an embedded service (PostgreSQL, Meilisearch) running: when it exits on its own it is started again on
 * the same port and data, with backoff, each exit logged with its cause (code, signal, last lines). Clients keep
 * their URL: postgres.js reconnects, the search outbox catches up once Meilisearch answers again.
 */
export async function supervise<S extends EmbeddedService>(
  name: string,
  start: () => Promise<S>,
  logger: Logger,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): Promise<SupervisedService<S>> {
  let instance = await start();
  let state: SupervisedState = 'running';
  const restarts: number[] = [];

  const watch = (running: S) => {
    void running.exited.then(async (exit) => {
      if (state === 'stopped' || running !== instance) return;
      state = 'restarting';
      const now = Date.now();
      while (restarts.length && restarts[0]! < now - policy.windowMs) restarts.shift();
      if (restarts.length >= policy.maxRestarts) {
        state = 'failed';
        logger.fatal(
          { ...exit, restarts: restarts.length, windowMinutes: policy.windowMs / 60_000 },
          `embedded ${name} exited again: restarted too often, giving up (restart the app once the cause is fixed)`,
        );
        return;
      }
      restarts.push(now);
      logger.error(
        { ...exit, attempt: restarts.length, maxRestarts: policy.maxRestarts },
        `embedded ${name} exited unexpectedly: restarting`,
      );
      let delay = policy.firstDelayMs;
      for (let attempt = 1; ; attempt++) {
        await new Promise((r) => setTimeout(r, delay));
        if ((state as SupervisedState) === 'stopped') return;
        const begun = Date.now();
        try {
          instance = await start();
          state = 'running';
          logger.warn(
            { pid: instance.pid, attempt, ms: Date.now() - begun, downMs: Date.now() - now },
            `embedded ${name} restarted`,
          );
          watch(instance);
          return;
        } catch (error) {
          if (attempt >= policy.maxRestarts) {
            state = 'failed';
            logger.fatal(
              { err: error, attempt },
              `embedded ${name} could not be restarted: giving up (restart the app once the cause is fixed)`,
            );
            return;
          }
          logger.error(
            { err: error, attempt, nextInMs: Math.min(delay * 2, policy.maxDelayMs) },
            `embedded ${name} failed to restart`,
          );
          delay = Math.min(delay * 2, policy.maxDelayMs);
        }
      }
    });
  };
  watch(instance);

  return {
    url: instance.url,
    get pid() {
      return instance.pid;
    },
    exited: new Promise(() => {}),
    state: () => state,
    current: () => instance,
    async stop() {
      state = 'stopped';
      await instance.stop();
    },
  };
}
