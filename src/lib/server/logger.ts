import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

/** Paths that may carry secrets; pino replaces them before a line is written. */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'token',
  '*.token',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'databaseUrl',
  'masterKey',
  '*.masterKey',
  'meiliMasterKey',
];

/**
 * Standard output written asynchronously: pino's default writes each line with its own blocking write(2), which
 * was a tenth of the server's busy CPU under search load (one request log line per request; BENCHMARKS.md, issue
 * #18 stop 4). Lines that arrive while a write is in flight go out together with the next; pino flushes what is
 * left when the process exits.
 */
const asyncStdout = () => pino.destination({ dest: 1, sync: false });

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'bourse-projets' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? asyncStdout(),
  );
}
