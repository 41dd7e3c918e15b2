// Worker thread of the search benchmark: sends requests at a fixed concurrency and records every latency, away
// from the event loop of the server being measured.
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
        const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
        await res.arrayBuffer();
        if (!res.ok) errors++;
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
