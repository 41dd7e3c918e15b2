/**
 * Admission control: a bound on the work in progress of each kind of request, with fair queueing in front of it.
 *
 * Why: on a 2-core server, more concurrent work than the cores and pools can serve only lengthens every answer —
 * at 200 connections the mixed load's p99 reached 2.2 s while the median stayed under 100 ms, because whoever
 * arrived during a burst waited behind everyone. Here each kind (search, page, read, write) runs at most `limit`
 * requests at once; the next ones wait in per-client queues served round-robin (one greedy client cannot starve the
 * others), and beyond `queue` waiting requests, or after `maxWaitMs` in the queue, a request is refused at once with
 * 503 + Retry-After, which costs almost nothing and tells the client when to come back.
 *
 * The queue is bounded in time, not only in length: each gate keeps a moving average of how long its requests
 * hold a slot, so it knows its service rate (`limit` / that time). A request whose turn — its place in the
 * round-robin, divided by that rate — would come after `maxWaitMs` is refused on arrival rather than after waiting
 * `maxWaitMs` for nothing: an answer (or a 503) comes within `maxWaitMs` + one service time, and a refusal costs
 * the client no wait. A client with few requests waiting has an early place in the round, so it is admitted while a
 * greedy client's surplus is refused.
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
 * Defaults sized for a small server (2 cores), from `npm run bench` at 50 and 200 connections (BENCHMARKS.md,
 * "Overload and memory"): few enough in flight that each request's own time stays short (more only share the same
 * two cores and PostgreSQL's pool of 20 connections), and a wait of at most 500 ms (1 s for pages and writes, which
 * people submit by hand), so that an answer — or a fast 503 — comes within about a second.
 */
export const DEFAULT_ADMISSION: AdmissionSettings = {
  search: { limit: 12, queue: 1_000, maxWaitMs: 500 },
  page: { limit: 8, queue: 1_000, maxWaitMs: 1_000 },
  read: { limit: 12, queue: 1_000, maxWaitMs: 500 },
  write: { limit: 6, queue: 1_000, maxWaitMs: 1_000 },
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

export type Admission =
  | { admitted: true; release: () => void }
  | { admitted: false; reason: 'queue_full' | 'deadline' | 'timeout' | 'abandoned' };

interface Waiter {
  resolve: (admission: Admission) => void;
  timer: NodeJS.Timeout;
  done: boolean;
}

/** Weight of the newest service time in the moving average: about the last 20 requests count. */
const SERVICE_TIME_WEIGHT = 0.05;

/** One kind's gate: `limit` slots, per-client FIFO queues visited round-robin. */
export class AdmissionGate {
  private running = 0;
  private waiting = 0;
  /** Insertion-ordered: the next client to serve is the first key; a served client with more waiters moves to the end. */
  private readonly queues = new Map<string, Waiter[]>();
  /** Counters since start, for /api/health and the benchmarks. */
  readonly stats = {
    admitted: 0,
    waited: 0,
    refusedQueueFull: 0,
    refusedTimeout: 0,
    refusedDeadline: 0,
    abandoned: 0,
  };
  /** Moving average of the time a request holds a slot (ms); 0 until the first one is released. */
  private serviceMs = 0;

  /** `now`: the clock service times are read on (the tests' own, to make them deterministic). */
  constructor(
    private readonly limits: AdmissionLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting;
  }

  /** The moving average of the time a request holds a slot, in ms (0 before any was served). */
  get serviceTimeMs(): number {
    return this.serviceMs;
  }

  /**
   * When a new request of `client` would be admitted, in ms from now: its place in the round-robin (each other
   * waiting client is served up to as many times as this one before it) over the gate's service rate.
   */
  expectedWaitMs(client: string): number {
    if (this.serviceMs === 0 || this.limits.limit === Number.POSITIVE_INFINITY) return 0;
    const round = (this.queues.get(client)?.length ?? 0) + 1;
    let place = round;
    for (const [other, queue] of this.queues) if (other !== client) place += Math.min(queue.length, round);
    return (place * this.serviceMs) / this.limits.limit;
  }

  /**
   * Resolves when the request may run (with its release) or must be refused. Never rejects.
   *
   * `gone`: aborted when the client leaves. A waiter whose client left is dropped from the queue at once — admitting
   * it later would spend a slot on an answer nobody reads and, worse, its release would hang on a 'close' event that
   * already fired: before this, every request still queued when a load generator stopped kept its slot forever, and
   * a gate of 12 ended with 0 usable slots (mixed load at 50 connections: every search refused).
   */
  enter(client: string, gone?: AbortSignal): Promise<Admission> | Admission {
    if (gone?.aborted) {
      this.stats.abandoned++;
      return { admitted: false, reason: 'abandoned' };
    }
    if (this.running < this.limits.limit && this.waiting === 0) return this.admit();
    if (this.waiting >= this.limits.queue) {
      this.stats.refusedQueueFull++;
      return { admitted: false, reason: 'queue_full' };
    }
    if (this.expectedWaitMs(client) > this.limits.maxWaitMs) {
      this.stats.refusedDeadline++;
      return { admitted: false, reason: 'deadline' };
    }
    this.stats.waited++;
    return new Promise<Admission>((resolve) => {
      const leave = (reason: 'timeout' | 'abandoned') => {
        if (waiter.done) return;
        waiter.done = true;
        clearTimeout(waiter.timer);
        gone?.removeEventListener('abort', onGone);
        this.remove(client, waiter);
        if (reason === 'timeout') this.stats.refusedTimeout++;
        else this.stats.abandoned++;
        resolve({ admitted: false, reason });
      };
      const onGone = () => leave('abandoned');
      const waiter: Waiter = {
        resolve: (admission) => {
          gone?.removeEventListener('abort', onGone);
          resolve(admission);
        },
        done: false,
        timer: setTimeout(() => leave('timeout'), this.limits.maxWaitMs),
      };
      gone?.addEventListener('abort', onGone, { once: true });
      const queue = this.queues.get(client);
      if (queue) queue.push(waiter);
      else this.queues.set(client, [waiter]);
      this.waiting++;
    });
  }

  private admit(): Admission {
    this.running++;
    this.stats.admitted++;
    const started = this.now();
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        const held = this.now() - started;
        this.serviceMs = this.serviceMs === 0 ? held : this.serviceMs + SERVICE_TIME_WEIGHT * (held - this.serviceMs);
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

  enter(kind: AdmissionKind, client: string, gone?: AbortSignal): Promise<Admission> | Admission {
    return this.gates[kind].enter(client, gone);
  }

  snapshot(): Record<
    AdmissionKind,
    { inFlight: number; queued: number; serviceTimeMs: number } & AdmissionGate['stats']
  > {
    const out = {} as ReturnType<AdmissionController['snapshot']>;
    for (const kind of KINDS) {
      const gate = this.gates[kind];
      out[kind] = {
        ...gate.stats,
        inFlight: gate.inFlight,
        queued: gate.queued,
        serviceTimeMs: Math.round(gate.serviceTimeMs),
      };
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
