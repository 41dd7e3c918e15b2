import type { IncomingMessage } from 'node:http';

/**
 * The client's address as Fastify resolved it (TRUST_PROXY aware), carried on the raw request to SvelteKit. A
 * global symbol because the Fastify side and the SvelteKit build are two bundles: module state is not shared.
 */
const CLIENT_ADDRESS = Symbol.for('bourse-projets.client-address');

type WithAddress = IncomingMessage & { [CLIENT_ADDRESS]?: string };

export function rememberClientAddress(req: IncomingMessage, address: string): void {
  (req as WithAddress)[CLIENT_ADDRESS] = address;
}

/**
 * The address pages use for per-IP limits and the login throttle: the same one the API uses, so that behind a
 * proxy (TRUST_PROXY=true) each visitor counts alone rather than everyone as the proxy. In `npm run dev` (no
 * Fastify in front of the pages) SvelteKit's own answer.
 */
export function clientAddress(event: { platform?: unknown; getClientAddress(): string }): string {
  const req = (event.platform as { req?: WithAddress } | undefined)?.req;
  return req?.[CLIENT_ADDRESS] ?? event.getClientAddress();
}

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/;

export const isLoopbackAddress = (address: string | null | undefined): boolean => !!address && LOOPBACK.test(address);

/**
 * A request made on this machine, directly: the socket is loopback, no proxy header speaks for someone else, and
 * the Host is the site's own or a loopback name (a page of another site whose name resolves to 127.0.0.1 — DNS
 * rebinding — sends its own name).
 */
export function isLoopbackClient(
  event: { platform?: unknown; request: Request; getClientAddress(): string },
  origin: string,
): boolean {
  const req = (event.platform as { req?: WithAddress } | undefined)?.req;
  const socketAddress = req?.socket?.remoteAddress ?? event.getClientAddress();
  const headers = event.request.headers;
  if (headers.has('x-forwarded-for') || headers.has('forwarded') || headers.has('x-real-ip')) return false;
  if (!isLoopbackAddress(socketAddress) || !isLoopbackAddress(clientAddress(event))) return false;
  const host = (req?.headers.host ?? headers.get('host') ?? '').toLowerCase();
  const hostname = host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return host === new URL(origin).host || hostname === 'localhost' || isLoopbackAddress(hostname);
}
