import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { startBackground } from './background.js';
import { getServices, startServices, type Services } from './services.js';

const PENDING = Symbol.for('bourse-projets.dev-services');
type G = typeof globalThis & { [PENDING]?: Promise<Services> };

/** Starts the services once per dev server, however often Vite reloads this module. */
export function ensureDevServices(): Promise<Services> {
  const g = globalThis as G;
  if (!g[PENDING]) {
    g[PENDING] = (async () => {
      try {
        return getServices();
      } catch {
        const config = loadConfig({ ...process.env, NODE_ENV: 'development' });
        const services = await startServices(config, createLogger(config));
        await startBackground(services);
        const stop = async () => {
          await services.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        return services;
      }
    })();
  }
  return g[PENDING];
}
