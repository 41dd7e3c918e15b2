import compression from 'compression';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { rememberClientAddress } from '../lib/server/http/client-address.js';
import { isApiPath, normalisedPath } from '../lib/server/http/routed-path.js';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/**
 * Pages and their data compressed (gzip, or brotli at a quality cheap enough for dynamic HTML): a search page is
 * ~100 KB of HTML, a few seconds on a slow mobile line uncompressed. Built assets are already precompressed by
 * adapter-node and pass through untouched (they carry their Content-Encoding).
 */
const compress = compression({ threshold: 1024 }) as unknown as (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/**
 * Hands every request that matched no Fastify route and is not under /api to SvelteKit. It runs in onRequest,
 * before Fastify reads the body, so form actions still receive the raw stream. Unknown /api paths keep the JSON
 * 404.
 */
export function attachSvelteKit(fastify: FastifyInstance, handler: NodeHandler): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.is404) return;
    if (isApiPath(normalisedPath(request.url))) return;
    reply.hijack();
    const req = request.raw;
    const res = reply.raw;
    rememberClientAddress(req, request.ip);
    compress(req, res, () =>
      handler(req, res, () => {
        res.statusCode = 404;
        res.end('Not found');
      }),
    );
  });
}
