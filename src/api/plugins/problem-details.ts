import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../lib/server/db/unavailable.js';
import { isDataException } from '../../lib/server/db/data-exception.js';
import { DomainError, retryAfterOf } from '../../lib/server/errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  field?: string;
  errors?: Array<{ field: string; message: string }>;
  [key: string]: unknown;
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** "/body/title" or "body.title" from Ajv → "title"; a missing property names the property itself. */
function fieldOf(error: { instancePath?: string; params?: Record<string, unknown> }, context?: string): string {
  const params = error.params ?? {};
  const parts = (error.instancePath ?? '').split('/').filter(Boolean);
  if (typeof params.missingProperty === 'string') parts.push(params.missingProperty);
  if (typeof params.additionalProperty === 'string') parts.push(params.additionalProperty);
  const path = parts.join('.');
  return path || context || 'body';
}

/** Every error leaving /api is an RFC 9457 problem document; nothing internal leaks into it. */
async function problemDetails(fastify: FastifyInstance) {
  fastify.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      const retryAfter = retryAfterOf(error);
      if (retryAfter !== null) reply.header('retry-after', String(retryAfter));
      return sendProblem(reply, {
        type: `https://bourse-projets.org/problems/${error.code}`,
        title: TITLES[error.status] ?? 'Error',
        status: error.status,
        detail: error.message,
        ...error.details,
      });
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const errors = fe.validation.map((v) => {
        const field = fieldOf(v as never);
        const params = (v.params ?? {}) as Record<string, unknown>;
        let message = v.message ?? 'is invalid';
        if (params.additionalProperty) message = 'is not a known field';
        if (Array.isArray(params.allowedValues)) message = `must be one of: ${params.allowedValues.join(', ')}`;
        return { field, message };
      });
      return sendProblem(reply, {
        type: 'https://bourse-projets.org/problems/invalid_input',
        title: 'Bad Request',
        status: 400,
        detail: `${fe.validationContext ?? 'request'}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
        field: errors[0]?.field,
        errors,
      });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error, url: request.url, method: request.method }, 'database unavailable');
      reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      return sendProblem(reply, {
        type: 'https://bourse-projets.org/problems/service_unavailable',
        title: 'Service Unavailable',
        status: 503,
        detail: 'The database cannot be reached right now; retry in a few seconds.',
      });
    }
    // PostgreSQL refused a value (SQLSTATE class 22: a NUL byte or lone surrogate in text, a number out of range,
    // an invalid uuid...): the request's fault, not ours.
    if (isDataException(error)) {
      return sendProblem(reply, {
        type: 'https://bourse-projets.org/problems/invalid_input',
        title: 'Bad Request',
        status: 400,
        detail: 'A value of the request cannot be stored or compared (invalid characters or out of range).',
      });
    }
    const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 600 ? fe.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error, url: request.url, method: request.method }, 'unhandled error');
      return sendProblem(reply, {
        type: 'about:blank',
        title: TITLES[status] ?? 'Error',
        status,
        detail: 'An unexpected error occurred; it has been logged.',
      });
    }
    // Fastify's own client errors: malformed JSON, body too large, wrong content type...
    return sendProblem(reply, {
      type: `https://bourse-projets.org/problems/${(fe.code ?? 'client_error').toLowerCase()}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail: fe.message,
      field: status === 400 || status === 413 || status === 415 ? 'body' : undefined,
    });
  });

  fastify.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: `No API route for ${request.method} ${request.url.split('?')[0]}`,
    }),
  );
}

export default fp(problemDetails, { name: 'problem-details' });
