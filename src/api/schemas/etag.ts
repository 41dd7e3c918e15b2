import type { FastifyReply, FastifyRequest } from 'fastify';
import { PreconditionFailed } from '../../lib/server/errors.js';

/** A resource's version as a strong ETag: `"7"`. */
export function setVersionTag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/**
 * The version a client says it read, from If-Match (`"7"`, `W/"7"` or `7`); null when the header is absent.
 * Anything else is not a version we ever sent, so it cannot match.
 */
export function ifMatchVersion(request: FastifyRequest): number | null {
  const raw = request.headers['if-match'];
  if (raw === undefined || raw === '') return null;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(raw));
  if (!match)
    throw new PreconditionFailed(`If-Match must be the ETag you received (like "3"), not ${JSON.stringify(raw)}.`);
  return Number(match[1]);
}
