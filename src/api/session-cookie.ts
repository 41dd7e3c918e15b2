import type { FastifyReply } from 'fastify';
import { DEVICE_COOKIE, deviceCookieOptions } from '../lib/server/auth/device-cookie.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../lib/server/auth/session.js';
import type { LoginResult } from '../lib/server/auth/login.js';
import { publicActor } from './schemas/actor.js';

/** Sets the session cookie and returns the body every route that opens a session answers with. */
export function startSession(reply: FastifyReply, origin: string, result: LoginResult) {
  reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(origin, result.expiresAt));
  if (result.deviceCookie) reply.setCookie(DEVICE_COOKIE, result.deviceCookie, deviceCookieOptions(origin));
  return { user: publicActor(result.actor), token: result.token, expiresAt: result.expiresAt.toISOString() };
}

export function endSession(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
