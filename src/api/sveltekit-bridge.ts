import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/**
 * Hands every request that matched no Fastify route and is not under /api to SvelteKit. It runs in onRequest,
 * before Fastify reads the body, so form actions still receive the raw stream. Unknown /api paths keep the JSON
 * 404.
 */
export function attachSvelteKit(fastify: FastifyInstance, handler: NodeHandler): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.is404) return;
    const path = request.url.split('?')[0]!;
    if (path === '/api' || path.startsWith('/api/')) return;
    reply.hijack();
    handler(request.raw, reply.raw, () => {
      reply.raw.statusCode = 404;
      reply.raw.end('Not found');
    });
  });
}
