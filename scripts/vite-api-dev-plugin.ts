import type { Plugin, ViteDevServer } from 'vite';

/**
 * `npm run dev`: one port for pages and API. /api/* goes to the same Fastify app as in production, loaded
 * through Vite so an edit to a route is picked up on the next request; pages go to SvelteKit's dev middleware.
 */
export function apiDevPlugin(): Plugin {
  return {
    name: 'bourse-projets:api-dev',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      if (process.env.VITEST) return;
      let current: {
        module: unknown;
        fastify: { routing: (req: unknown, res: unknown) => void; close: () => Promise<void> };
      } | null = null;
      const servicesReady = (async () => {
        const dev = await server.ssrLoadModule('/src/lib/server/runtime/dev-services.ts');
        return dev.ensureDevServices();
      })();
      servicesReady.catch((error) => {
        server.config.logger.error(`Bourse-projets services failed to start: ${error?.stack ?? error}`);
      });
      server.middlewares.use(async (req, res, next) => {
        if (!req.url?.startsWith('/api')) return next();
        try {
          const services = await servicesReady;
          const appModule = await server.ssrLoadModule('/src/api/app.ts');
          if (!current || current.module !== appModule) {
            await current?.fastify.close();
            const fastify = await appModule.createServer(services);
            await fastify.ready();
            current = { module: appModule, fastify };
          }
          current.fastify.routing(req, res);
        } catch (error) {
          next(error);
        }
      });
    },
  };
}
