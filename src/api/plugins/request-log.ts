import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { redactTokens } from '../../lib/server/auth/redact-url.js';

/**
 * One log line per request, API and pages alike. Pages are hijacked to SvelteKit and skip Fastify's own
 * response logging, so we listen on the raw response instead.
 */
export default fp(
  async (fastify: FastifyInstance) => {
    fastify.addHook('onRequest', async (request, reply) => {
      const started = process.hrtime.bigint();
      reply.raw.once('finish', () => {
        const status = reply.raw.statusCode;
        const line = {
          method: request.method,
          url: redactTokens(request.url),
          status,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          ip: request.ip,
        };
        // A 503 is a refusal said to the client (overload, database away), logged where it is decided, once a
        // second while refusing (plugins/admission.ts): one error line per refused request would flood the log.
        if (status >= 500 && status !== 503) request.log.error(line, 'request failed');
        else request.log.info(line, 'request');
      });
    });
  },
  { name: 'request-log' },
);
