import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer } from './api/app.js';
import { attachSvelteKit, type NodeHandler } from './api/sveltekit-bridge.js';
import { ConfigError, loadConfig } from './lib/server/config.js';
import { createLogger } from './lib/server/logger.js';
import { appRoot } from './lib/server/app-root.js';
import { startServices, type Services } from './lib/server/runtime/services.js';
import { startBackground } from './lib/server/runtime/background.js';
import { boundHeapGrowth } from './lib/server/runtime/heap.js';
import { UPLOAD_BODY_LIMIT_BYTES } from './lib/server/http/page-body-limit.js';

/** Entry point: read the configuration, start (or connect to) the services, serve, and stop cleanly. */
async function main() {
  boundHeapGrowth();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  // Tell SvelteKit's adapter where the site lives before its handler is imported.
  process.env.ORIGIN = config.origin;
  // The adapter's one cap for every form post must admit the admin's partnership import (5 MB files); the bridge
  // refuses any other page's post beyond 512 KB before it is read (lib/server/http/page-body-limit.ts).
  process.env.BODY_SIZE_LIMIT ??= String(UPLOAD_BODY_LIMIT_BYTES);
  const logger = createLogger(config);
  const started = Date.now();
  let services: Services | undefined;
  let shuttingDown = false;

  const shutdown = async (reason: string, code = 0) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ reason }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took more than 25 s; exiting anyway');
      process.exit(1);
    }, 25_000);
    try {
      if (fastify) {
        // close() stops accepting and closes the keep-alive connections idle at that moment; the ones still
        // answering become idle later and would hold the server open until their clients hang up (71 s for
        // Node's own fetch): close those as they go idle.
        const sweep = setInterval(() => fastify?.server.closeIdleConnections(), 100);
        await fastify.close().finally(() => clearInterval(sweep));
        logger.info('http server closed');
      }
      await services?.close();
      logger.info('services closed');
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      code = code || 1;
    }
    clearTimeout(force);
    logger.info('stopped');
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    void shutdown('uncaughtException', 1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  });

  let fastify: Awaited<ReturnType<typeof createServer>> | undefined;
  try {
    services = await startServices(config, logger);
    // Beside this bundle (dist/): the one-time reference data load runs there, in a child process.
    const referenceDataEntry = fileURLToPath(new URL('./reference-data.js', import.meta.url));
    await startBackground(services, {
      referenceDataEntry: existsSync(referenceDataEntry) ? referenceDataEntry : undefined,
    });
    fastify = await createServer(services);
    const handlerFile = path.join(appRoot(), 'build', 'handler.js');
    if (!existsSync(handlerFile)) throw new Error(`SvelteKit build missing at ${handlerFile}: run \`npm run build\``);
    const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: NodeHandler };
    attachSvelteKit(fastify, handler);
    await fastify.listen({ port: config.port, host: config.host });
    if (config.demoData) {
      logger.warn(
        { host: config.host },
        config.host === '127.0.0.1'
          ? 'Demo mode: listening on 127.0.0.1 only, as its passwords are public; set HOST=0.0.0.0 to open it to the network'
          : `Demo mode on ${config.host}: the demo accounts' passwords are public`,
      );
    }
    logger.info(
      {
        url: config.origin,
        ms: Date.now() - started,
        embedded: { postgres: !config.databaseUrl, meilisearch: !config.meiliUrl },
      },
      'Bourse-projets is ready',
    );
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    await shutdown('start-up failure', 1);
  }
}

void main();
