import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { loadConfig } from '../lib/server/config.js';
import { runningEmbeddedServices } from '../lib/server/embedded/running.js';
import { createLogger } from '../lib/server/logger.js';
import { startServices, type Services } from '../lib/server/runtime/services.js';

/** A failure the operator can act on: printed as one line, with the exit code that says what kind it is. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, failure: 1, usage: 64, unavailable: 69, config: 78 } as const;

/** Log lines as sentences for a person at a terminal: "French authorities: loading 12000/37000 (30 %)". */
export function terminalLogger(level: 'info' | 'warn' = 'info'): Logger {
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const {
          msg,
          level: lvl,
          done: count,
          total,
          percent,
          err,
          service: _s,
          time: _t,
          pid: _p,
          hostname: _h,
          component: _c,
          ...rest
        } = JSON.parse(line) as Record<string, unknown> & { err?: { message?: string } };
        const progress =
          typeof count === 'number' && typeof total === 'number'
            ? ` ${count}/${total}${typeof percent === 'number' ? ` (${percent} %)` : ''}`
            : '';
        const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
        const text = `${(lvl as number) >= 50 ? 'error: ' : (lvl as number) >= 40 ? 'warning: ' : ''}${String(msg)}${progress}${extra}${err?.message ? `: ${err.message}` : ''}\n`;
        ((lvl as number) >= 40 ? process.stderr : process.stdout).write(text);
      }
      done();
    },
  });
  return createLogger({ logLevel: level }, out);
}

/**
 * The services a command works on: DATABASE_URL / MEILI_URL when set, else the embedded services of an app
 * running on DATA_DIR, else embedded services started for the command (and stopped after it). Migrations are
 * applied on the way, as at the app's start.
 */
export async function withServices<T>(logger: Logger, work: (services: Services) => Promise<T>): Promise<T> {
  const base = loadConfig();
  const config = loadConfig({
    ...process.env,
    ...runningEmbeddedServices(base.dataDir),
    DEMO_DATA: 'false',
    REFERENCE_DATA: 'false',
  });
  let services: Services;
  try {
    services = await startServices(config, logger);
  } catch (error) {
    throw new CommandError(
      `cannot reach the database or the search engine: ${(error as Error).message}`,
      EXIT.unavailable,
    );
  }
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}
