import http from 'node:http';
import https from 'node:https';
import type { Meilisearch } from 'meilisearch';

/** Why Meilisearch gave no answer: `unreachable` (refused, reset, 5xx) means down; `slow` means overloaded. */
export class MeilisearchUnavailable extends Error {
  constructor(
    readonly reason: 'unreachable' | 'slow' | 'refused',
    message: string,
  ) {
    super(message);
    this.name = 'MeilisearchUnavailable';
  }
}

// Kept-alive sockets shared by every search of the process.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * POSTs JSON to Meilisearch with node:http rather than the client's fetch. Searches are the hot path: measured
 * here, fetch costs about 1.5 ms more CPU per request and asks for gzip, which Meilisearch then spends CPU on
 * for a response that only crosses a local socket (see BENCHMARKS.md).
 */
export function postJson<T>(meili: Meilisearch, path: string, body: unknown, timeoutMs: number): Promise<T> {
  const url = new URL(path, meili.config.host.endsWith('/') ? meili.config.host : `${meili.config.host}/`);
  const payload = JSON.stringify(body);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<T>((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        agent: agents[url.protocol as keyof typeof agents],
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(meili.config.apiKey ? { authorization: `Bearer ${meili.config.apiKey}` } : {}),
        },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 500;
          if (status >= 300) {
            const reason = status >= 500 ? 'unreachable' : 'refused';
            reject(
              new MeilisearchUnavailable(
                reason,
                `Meilisearch answered ${status} to POST ${url.pathname}: ${text.slice(0, 300)}`,
              ),
            );
            return;
          }
          try {
            resolve(JSON.parse(text) as T);
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    // The socket timeout only covers idle gaps: the deadline covers the whole exchange.
    const tooSlow = () =>
      request.destroy(new MeilisearchUnavailable('slow', `Meilisearch did not answer within ${timeoutMs} ms`));
    const deadline = setTimeout(tooSlow, timeoutMs);
    request.on('close', () => clearTimeout(deadline));
    request.on('timeout', tooSlow);
    request.on('error', (error) =>
      reject(
        error instanceof MeilisearchUnavailable
          ? error
          : new MeilisearchUnavailable('unreachable', `Meilisearch is unreachable: ${error.message}`),
      ),
    );
    request.end(payload);
  });
}
