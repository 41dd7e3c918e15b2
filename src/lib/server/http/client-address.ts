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
