import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Services } from '../lib/server/runtime/services.js';
import admission from './plugins/admission.js';
import openapi from './plugins/openapi.js';
import csrf from './plugins/csrf.js';
import problemDetails, { sendProblem } from './plugins/problem-details.js';
import rateLimit from './plugins/rate-limit.js';
import securityHeaders from './plugins/security-headers.js';
import requestLog from './plugins/request-log.js';
import servicesPlugin from './plugins/services.js';
import { ProblemSchema } from './schemas/problem.js';
import healthRoutes from './routes/health/index.js';
import v1Routes from './routes/v1/index.js';

export interface AppOptions {
  services: Services;
}

/** The API as a plugin: everything under /api. */
export default async function app(fastify: FastifyInstance, opts: AppOptions) {
  await fastify.register(servicesPlugin, { services: opts.services });
  await fastify.register(problemDetails);
  await fastify.register(securityHeaders);
  await fastify.register(csrf);
  await fastify.register(rateLimit);
  fastify.addSchema(ProblemSchema);
  await fastify.register(openapi);
  await fastify.register(healthRoutes, { prefix: '/api/health' });
  await fastify.register(v1Routes, { prefix: '/api/v1' });
}

/** 1 MiB is plenty for a cooperation request; larger bodies get a 413 before any parsing. */
export const BODY_LIMIT = 1024 * 1024;

/** A Fastify server with the API registered, ready for `inject` in tests or for listen(). */
export async function createServer(services: Services): Promise<FastifyInstance> {
  const fastify = Fastify({
    loggerInstance: services.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    trustProxy: services.config.trustProxy,
    // A URL Fastify cannot route (bad encoding, a parameter over maxParamLength) is a problem document too.
    frameworkErrors: (error, _request, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      return sendProblem(reply, {
        type: `https://bourse-projets.org/problems/${String((error as { code?: string }).code ?? 'bad_url').toLowerCase()}`,
        title: status === 414 ? 'URI Too Long' : 'Bad Request',
        status,
        detail: status === 414 ? 'A path parameter is too long.' : 'The URL is not valid.',
      });
    },
    ajv: {
      // Unknown fields are errors, not silently dropped; querystrings may repeat a key (country=SN&country=MA).
      customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true, useDefaults: true },
    },
  });
  await fastify.register(requestLog);
  // At the root, so that pages (handed to SvelteKit by a later root hook) pass the same gates as the API.
  await fastify.register(admission, { settings: services.config.admission });
  await fastify.register(app, { services });
  return fastify;
}
