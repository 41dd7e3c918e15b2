import type { Services } from './services.js';

/**
 * Work that runs beside the HTTP server in every app process (search relay, jobs). Each worker registers
 * its own stop hook through services.onClose.
 */
export async function startBackground(services: Services): Promise<void> {
  void services;
}
