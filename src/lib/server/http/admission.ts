/**
 * Admission control: a bound on the work in progress of each kind of request, with fair queueing in front of it.
 *
 * Why: on a 2-core server, more concurrent work than the cores and pools can serve only lengthens every answer —
 * at 200 connections the mixed load's p99 reached 2.2 s while the median stayed under 100 ms, because whoever
 * arrived during a burst waited behind everyone. Here each kind (search, page, read, write) runs at most `limit`
 * requests at once; the next ones wait in per-client queues served round-robin (one greedy client cannot starve the
 * others), and beyond `queue` waiting requests, or after `maxWaitMs` in the queue, a request is refused at once with
 * 503 + Retry-After, which costs almost nothing and tells the client when to come back.
 */

export type AdmissionKind = 'search' | 'page' | 'read' | 'write';

export interface AdmissionLimits {
  /** Requests of this kind served at once. */
  limit: number;
  /** Requests of this kind allowed to wait; beyond that, refused at once. */
  queue: number;
  /** Longest wait in the queue before the request is refused. */
  maxWaitMs: number;
}

export type AdmissionSettings = Record<AdmissionKind, AdmissionLimits>;

/**
 * Defaults sized for a small server (2 cores): enough in flight to keep PostgreSQL and Meilisearch busy, queues deep
 * enough for a burst of a few hundred clients, waits short enough that an answer (or a 503) comes within ~1 s.
 */
export const DEFAULT_ADMISSION: AdmissionSettings = {
  search: { limit: 24, queue: 1_000, maxWaitMs: 1_000 },
  page: { limit: 12, queue: 1_000, maxWaitMs: 1_000 },
  read: { limit: 24, queue: 1_000, maxWaitMs: 1_000 },
  // Writes hash passwords and hold transactions: fewer at once, and a longer wait before refusing someone's form.
  write: { limit: 12, queue: 1_000, maxWaitMs: 5_000 },
};

const KINDS: readonly AdmissionKind[] = ['search', 'page', 'read', 'write'];

/**
 * `ADMISSION_LIMITS`, e.g. `search=24,page=12:200:500` (requests of that kind served at once, then optionally how many
 * may wait, then optionally the longest wait in ms; a limit of 0 lets that kind through unbounded; kinds not named
 * keep their defaults). The wait is what bounds the latency of an overloaded server: tune it with the load benchmark.
 * Returns null for a malformed value, for the config to report.
 */
export function parseAdmissionLimits(raw: string | undefined): AdmissionSettings | null {
  const settings = structuredClone(DEFAULT_ADMISSION);
  if (raw === undefined || raw.trim() === '') return settings;
  for (const part of raw.split(',')) {
    const match = /^\s*(search|page|read|write)\s*=\s*(\d{1,5})(?::(\d{1,6})(?::(\d{1,6}))?)?\s*$/.exec(part);
    if (!match) return null;
    const kind = match[1] as AdmissionKind;
    const limit = Number(match[2]);
    const queue = match[3] === undefined ? settings[kind].queue : Number(match[3]);
    const maxWaitMs = match[4] === undefined ? settings[kind].maxWaitMs : Number(match[4]);
    if (maxWaitMs === 0) return null;
    settings[kind] = { limit: limit === 0 ? Number.POSITIVE_INFINITY : limit, queue, maxWaitMs };
  }
  return settings;
}

/** Seconds a refused client is asked to wait: long enough for the queue ahead of it to drain. */
export const ADMISSION_RETRY_AFTER_SECONDS = 1;

export type Admission = { admitted: true; release: () => void } | { admitted: false; reason: 'queue_full' | 'timeout' };

interface Waiter {
  resolve: (admission: Admission) => void;
  timer: NodeJS.Timeout;
  done: boolean;
}

/** One kind's gate: `limit` slots, per-client FIFO queues visited round-robin. */
export class AdmissionGate {
  private running = 0;
  private waiting = 0;
  /** Insertion-ordered: the next client to serve is the first key; a served client with more waiters moves to the end. */
  private readonly queues = new Map<string, Waiter[]>();
  /** Counters since start, for /api/health and the benchmarks. */
  readonly stats = { admitted: 0, waited: 0, refusedQueueFull: 0, refusedTimeout: 0 };

  constructor(private readonly limits: AdmissionLimits) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting;
  }

  /** Resolves when the request may run (with its release) or must be refused. Never rejects. */
  enter(client: string): Promise<Admission> | Admission {
    if (this.running < this.limits.limit && this.waiting === 0) return this.admit();
    if (this.waiting >= this.limits.queue) {
      this.stats.refusedQueueFull++;
      return { admitted: false, reason: 'queue_full' };
    }
    this.stats.waited++;
    return new Promise<Admission>((resolve) => {
      const waiter: Waiter = {
        resolve,
        done: false,
        timer: setTimeout(() => {
          if (waiter.done) return;
          waiter.done = true;
          this.remove(client, waiter);
          this.stats.refusedTimeout++;
          resolve({ admitted: false, reason: 'timeout' });
        }, this.limits.maxWaitMs),
      };
      const queue = this.queues.get(client);
      if (queue) queue.push(waiter);
      else this.queues.set(client, [waiter]);
      this.waiting++;
    });
  }

  private admit(): Admission {
    this.running++;
    this.stats.admitted++;
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.running--;
        this.next();
      },
    };
  }

  private remove(client: string, waiter: Waiter): void {
    const queue = this.queues.get(client);
    if (!queue) return;
    const index = queue.indexOf(waiter);
    if (index >= 0) {
      queue.splice(index, 1);
      this.waiting--;
    }
    if (queue.length === 0) this.queues.delete(client);
  }

  /** Hands free slots to the waiting clients in turn. */
  private next(): void {
    while (this.running < this.limits.limit && this.waiting > 0) {
      const [client, queue] = this.queues.entries().next().value as [string, Waiter[]];
      const waiter = queue.shift()!;
      this.waiting--;
      this.queues.delete(client);
      if (queue.length > 0) this.queues.set(client, queue); // to the back of the round
      clearTimeout(waiter.timer);
      waiter.done = true;
      waiter.resolve(this.admit());
    }
  }
}

/** The gates of one process, one per kind. */
export class AdmissionController {
  readonly gates: Record<AdmissionKind, AdmissionGate>;

  constructor(settings: AdmissionSettings = DEFAULT_ADMISSION) {
    this.gates = Object.fromEntries(KINDS.map((kind) => [kind, new AdmissionGate(settings[kind])])) as Record<
      AdmissionKind,
      AdmissionGate
    >;
  }

  enter(kind: AdmissionKind, client: string): Promise<Admission> | Admission {
    return this.gates[kind].enter(client);
  }

  snapshot(): Record<AdmissionKind, { inFlight: number; queued: number } & AdmissionGate['stats']> {
    const out = {} as ReturnType<AdmissionController['snapshot']>;
    for (const kind of KINDS) {
      const gate = this.gates[kind];
      out[kind] = { ...gate.stats, inFlight: gate.inFlight, queued: gate.queued };
    }
    return out;
  }
}

/**
 * Which gate a request goes through, from its method and routed path. Health checks never wait: a load balancer
 * must see the process alive precisely when it is busy.
 */
export function admissionKind(method: string, routedPath: string | undefined, isPage: boolean): AdmissionKind | null {
  if (routedPath === '/api/health' || routedPath?.startsWith('/api/health/')) return null;
  if (method !== 'GET' && method !== 'HEAD') return 'write';
  if (isPage) return 'page';
  if (routedPath === '/api/v1/search') return 'search';
  return 'read';
}
