import type { Handle } from '@sveltejs/kit';
import { getServices } from '../runtime/services.js';

/**
 * Headers every page gets on top of the CSP and frame-ancestors that svelte.config.js (kit.csp) writes. Fastify's
 * helmet never reaches pages: they are handed to SvelteKit before Fastify's reply hooks run.
 */
const HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** What helmet sends on /api (max-age 365 days): HSTS only means something when the site is served over https. */
const HSTS = 'max-age=31536000; includeSubDomains';

export const securityHeadersHandle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  const headers = getServices().config.origin.startsWith('https:')
    ? { ...HEADERS, 'strict-transport-security': HSTS }
    : HEADERS;
  for (const [name, value] of Object.entries(headers)) {
    // Redirects and some errors come back with immutable headers; they carry no page content to protect.
    try {
      if (!response.headers.has(name)) response.headers.set(name, value);
    } catch {
      break;
    }
  }
  return response;
};
