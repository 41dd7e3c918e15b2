import compression from 'compression';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { rememberClientAddress } from '../lib/server/http/client-address.js';
import { pageBodyLimit, PAGE_BODY_LIMIT_BYTES } from '../lib/server/http/page-body-limit.js';
import { refusalPage, refusalText } from '../lib/server/http/refusal-page.js';
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
    const path = normalisedPath(request.url);
    if (isApiPath(path)) return;
    const req = request.raw;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const limit = pageBodyLimit(path);
      const declared = Number(req.headers['content-length']);
      if (declared > limit) return refuseTooLarge(reply, request.url, limit, req.headers['x-sveltekit-action']);
      // A streamed (chunked) body declares no length: declare the limit for it, and SvelteKit's adapter answers
      // 413 once the body runs past it (src/lib/server/hooks/page-errors.ts words that page).
      if (
        !Number.isFinite(declared) &&
        req.headers['transfer-encoding'] !== undefined &&
        limit === PAGE_BODY_LIMIT_BYTES
      )
        req.headers['content-length'] = String(limit);
    }
    reply.hijack();
    const res = reply.raw;
    rememberClientAddress(req, request.ip);
    const render = () =>
      handler(req, res, () => {
        res.statusCode = 404;
        res.end('Not found');
      });
    // A client that accepts no encoding (a script, a crawler, the load benchmark) gets the page as it is: wrapping
    // the response's write and end for nothing was ~10 % of a page's CPU. Caches still learn the page varies.
    if (!req.headers['accept-encoding']) {
      res.setHeader('vary', 'Accept-Encoding');
      render();
      return;
    }
    compress(req, res, render);
  });
}

/**
 * 413 before the body is read: the reader's language (an enhanced form gets SvelteKit's action result, which shows
 * the error page), and the connection closed so that Node does not read the rest of the body to reuse it.
 */
function refuseTooLarge(
  reply: FastifyReply,
  url: string,
  limit: number,
  enhanced: string | string[] | undefined,
): FastifyReply {
  const kilobytes = String(Math.round(limit / 1024));
  reply.code(413).header('connection', 'close').header('cache-control', 'no-store');
  if (enhanced === 'true')
    return reply
      .type('application/json')
      .send({ type: 'error', error: { message: refusalText('too_large', url, kilobytes).body } });
  return reply.type('text/html; charset=utf-8').send(refusalPage('too_large', url, kilobytes));
}
