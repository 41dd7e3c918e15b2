// Worker thread of the search benchmark: sends requests at a fixed concurrency and records every latency, away
// from the event loop of the server being measured.
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
  warmupMs: number;
  durationMs: number;
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

async function run({ requests, concurrency, warmupMs, durationMs }: LoadJob): Promise<LoadResult> {
  let next = 0;
  let errors = 0;
  const latenciesMs: number[] = [];
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + durationMs;
  const client = async () => {
    while (performance.now() < end) {
      const request = requests[next++ % requests.length]!;
      const sent = performance.now();
      try {
        const status = await send(request);
        if (status >= 300) errors++;
      } catch {
        errors++;
      }
      if (sent >= measureFrom) latenciesMs.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { latenciesMs, errors, elapsedMs: performance.now() - measureFrom };
}

if (parentPort) parentPort.postMessage(await run(workerData as LoadJob));
