import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import {
  ADMISSION_RETRY_AFTER_SECONDS,
  AdmissionController,
  admissionKind,
  type AdmissionSettings,
} from '../../lib/server/http/admission.js';
import { isApiPath, normalisedPath } from '../../lib/server/http/routed-path.js';
import { refusalPage } from '../../lib/server/http/refusal-page.js';
import { sendProblem } from './problem-details.js';

/** Built assets (hashed JS/CSS, fonts, icons) are served from memory-mapped files: they never wait behind pages. */
function isStaticAsset(path: string): boolean {
  return path.startsWith('/_app/') || /\.[a-z0-9]{2,5}$/i.test(path);
}

/**
 * Every request — API and pages, which SvelteKit serves after this hook — passes its kind's gate (see
 * lib/server/http/admission.ts). Registered at the root, first, so that a refused request costs no session lookup,
 * no body parsing and no rendering. The gate is left when the response is done or the client went away.
 */
export default fp(
  async (fastify: FastifyInstance, opts: { settings: AdmissionSettings }) => {
    const controller = new AdmissionController(opts.settings);
    fastify.decorate('admission', controller);
    // One summary line a second while refusing, not one per refusal: an overloaded server must not also flood its log.
    let refusedSinceLog = 0;
    const summary = setInterval(() => {
      if (refusedSinceLog === 0) return;
      fastify.log.warn(
        { refused: refusedSinceLog, gates: controller.snapshot() },
        'requests refused: server overloaded (503)',
      );
      refusedSinceLog = 0;
    }, 1_000);
    summary.unref();
    fastify.addHook('onClose', async () => clearInterval(summary));
    fastify.addHook('onRequest', async (request, reply) => {
      const path = request.url.split('?')[0]!;
      const isApi = isApiPath(normalisedPath(path));
      const isPage = request.is404 && !isApi;
      if (isPage && (request.method === 'GET' || request.method === 'HEAD') && isStaticAsset(path)) return;
      const kind = admissionKind(request.method, request.routeOptions.url, isPage);
      if (!kind) return;
      // 'close' fires once, when the answer is done or the client left: it drops a waiter or frees a slot.
      const gone = new AbortController();
      reply.raw.once('close', () => gone.abort());
      const admission = await controller.enter(kind, request.ip, gone.signal);
      if (admission.admitted) {
        if (!gone.signal.aborted) {
          gone.signal.addEventListener('abort', admission.release, { once: true });
          return;
        }
        admission.release(); // the client left at the moment it was admitted: no work for nobody
      }
      // A client that left is not a sign of overload; the answer below goes nowhere, harmlessly.
      if (!gone.signal.aborted) refusedSinceLog++;
      reply.header('retry-after', String(ADMISSION_RETRY_AFTER_SECONDS));
      if (isPage)
        return reply
          .code(503)
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(refusalPage('overloaded', path));
      return sendProblem(reply, {
        type: 'https://bourse-projets.org/problems/overloaded',
        title: 'Service Unavailable',
        status: 503,
        detail: `Too many ${kind} requests in progress; retry in ${ADMISSION_RETRY_AFTER_SECONDS} s.`,
      });
    });
  },
  { name: 'admission' },
);

declare module 'fastify' {
  interface FastifyInstance {
    admission: AdmissionController;
  }
}
