import { TooManyRequests } from '../errors.js';

/**
 * At most `max` requests per key (an IP address) in each window. Per process, like the API's limiter: it stops a
 * script hammering one instance; the login throttle, in PostgreSQL, is the guard shared by every instance.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one request for `key`: null while under the limit, else the refusal to give (with Retry-After). */
  consume(key: string, now = Date.now()): TooManyRequests | null {
    if (this.max <= 0) return null;
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.forgetExpired(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.max) return null;
    const retryAfterSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    return new TooManyRequests(`Too many requests: at most ${this.max} a minute. Try again in ${retryAfterSeconds} seconds.`, retryAfterSeconds);
  }

  /** Memory stays bounded by the addresses seen within one window. */
  private forgetExpired(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
