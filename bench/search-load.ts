// Worker thread of the search benchmark: sends a fixed number of requests at a fixed concurrency and records every
// latency, away from the event loop of the server being measured.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export interface LoadRequest {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}
export interface LoadJob {
  requests: LoadRequest[];
  concurrency: number;
  /** Requests sent first and not measured (the list is cycled through in order, from its start). */
  warmup: number;
  /** Requests measured after the warm-up: both sides of a comparison send the same ones, in the same order. */
  count: number;
}
export interface LoadResult {
  latenciesMs: number[];
  errors: number;
  elapsedMs: number;
}

// node:http with kept-alive sockets and no Accept-Encoding: the cheapest client, so both sides measure the server.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function send(request: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = {
      ...request.headers,
      ...(request.body ? { 'content-length': String(Buffer.byteLength(request.body)) } : {}),
    };
    const req = http.request(request.url, { method: request.method, agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

async function run({ requests, concurrency, warmup, count }: LoadJob): Promise<LoadResult> {
  let next = 0;
  let errors = 0;
  const latenciesMs: number[] = [];
  let measureFrom = NaN;
  const client = async () => {
    while (next < warmup + count) {
      const index = next++;
      const request = requests[index % requests.length]!;
      const sent = performance.now();
      if (index === warmup) measureFrom = sent;
      try {
        const status = await send(request);
        if (status >= 300 && index >= warmup) errors++;
      } catch {
        if (index >= warmup) errors++;
      }
      if (index >= warmup) latenciesMs.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { latenciesMs, errors, elapsedMs: performance.now() - measureFrom };
}

if (parentPort) parentPort.postMessage(await run(workerData as LoadJob));
