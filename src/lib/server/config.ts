import path from 'node:path';
import { parseAdmissionLimits, type AdmissionSettings } from './http/admission.js';

/** Validated settings, read once at start-up. */
export interface Config {
  port: number;
  /** Interface to listen on: 127.0.0.1 in demo mode unless HOST says otherwise (demo passwords are public). */
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  meiliUrl: string | null;
  meiliMasterKey: string | null;
  /** Public origin of the site, used by SvelteKit's CSRF check and for links in mails. */
  origin: string;
  /** Prefix for every Meilisearch index name; lets tests and instances share one server. */
  meiliIndexPrefix: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Load demo data into an empty database at start-up (default: on with embedded Postgres). */
  demoData: boolean;
  /**
   * The `/dev/outbox` page (mails written to DATA_DIR/outbox): outside production, or in a demo started without
   * NODE_ENV=production. Even then only loopback clients see it (`isLoopbackClient`).
   */
  devOutbox: boolean;
  /** Load the French authorities and record the country list at start, in the background (default: on). */
  referenceData: boolean;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (API and pages alike). */
  trustProxy: boolean;
  nodeEnv: 'production' | 'development' | 'test';
  /** `smtp://` or `smtps://` server for outgoing mail; null writes mails to DATA_DIR/outbox instead. */
  smtpUrl: string | null;
  /** Sender of outgoing mail. */
  mailFrom: string;
  /** Requests per minute and per IP on authentication routes and on search; 0 turns the limit off. */
  rateLimits: { auth: number; search: number };
  /**
   * Account registrations per hour: per client address, per country (foreign authorities; France counts as FR),
   * and the count per country and hour above which correspondents and admins see an anomaly. 0 turns a limit off.
   */
  registrationLimits: { perClientPerHour: number; perCountryPerHour: number; anomalyPerCountryPerHour: number };
  /** Requests of each kind served at once (search, page, read, write), the rest queued fairly or refused with 503. */
  admission: AdmissionSettings;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    expected: string,
    got: string | undefined,
  ) {
    super(
      `Invalid configuration: ${variable} ${got === undefined ? 'is missing' : `is "${got}"`}; expected ${expected}.`,
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function readPort(env: Env): number {
  const raw = env.PORT;
  if (raw === undefined || raw === '') return 3000;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw new ConfigError('PORT', 'an integer between 1 and 65535', raw);
  }
  return Number(raw);
}

function readUrl(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `a URL starting with ${protocols.join(' or ')}`, redactUrl(raw));
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `a URL starting with ${protocols.join(' or ')}`, redactUrl(raw));
  }
  return raw;
}

/** Never print a password that sits in a connection string. */
function redactUrl(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, 'true or false', raw);
}

function readLimit(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 1_000_000)
    throw new ConfigError(name, 'a number of requests per minute (0 for no limit)', raw);
  return Number(raw);
}

function readAdmission(env: Env): AdmissionSettings {
  const settings = parseAdmissionLimits(env.ADMISSION_LIMITS);
  if (!settings)
    throw new ConfigError(
      'ADMISSION_LIMITS',
      'kind=limit[:queue[:max wait in ms]] pairs separated by commas, like "search=24,page=12:200:500"',
      env.ADMISSION_LIMITS,
    );
  return settings;
}

export function loadConfig(env: Env = process.env): Config {
  const port = readPort(env);

  const dataDir = path.resolve(env.DATA_DIR || './.data');
  const databaseUrl = readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const meiliUrl = readUrl(env, 'MEILI_URL', ['http:', 'https:']);
  const meiliMasterKey = env.MEILI_MASTER_KEY || null;
  if (meiliUrl && !meiliMasterKey) {
    throw new ConfigError('MEILI_MASTER_KEY', 'the master key of the Meilisearch server given by MEILI_URL', undefined);
  }
  if (meiliMasterKey && meiliMasterKey.length < 16) {
    throw new ConfigError('MEILI_MASTER_KEY', 'at least 16 characters', '***');
  }

  const originRaw = env.ORIGIN || `http://localhost:${port}`;
  let origin: string;
  try {
    const parsed = new URL(originRaw);
    if (!['http:', 'https:'].includes(parsed.protocol) || parsed.pathname !== '/') throw new Error();
    origin = parsed.origin;
  } catch {
    throw new ConfigError(
      'ORIGIN',
      'the public origin of the site, like https://bourse-projets.example.org',
      originRaw,
    );
  }

  const meiliIndexPrefix = env.MEILI_INDEX_PREFIX ?? '';
  if (!/^[A-Za-z0-9_-]*$/.test(meiliIndexPrefix)) {
    throw new ConfigError('MEILI_INDEX_PREFIX', 'letters, digits, "-" or "_"', meiliIndexPrefix);
  }

  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', LOG_LEVELS.join(', '), env.LOG_LEVEL);

  const nodeEnvRaw = env.NODE_ENV || 'production';
  if (!['production', 'development', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError('NODE_ENV', 'production, development or test', nodeEnvRaw);
  }

  const smtpUrl = readUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  const mailFrom = env.MAIL_FROM || 'Bourse-projets <no-reply@bourse-projets.invalid>';
  if (!/^[^\r\n]*@[^\r\n]+$/.test(mailFrom))
    throw new ConfigError('MAIL_FROM', 'an address like "Name <no-reply@example.org>"', mailFrom);

  const demoData = readBoolean(env, 'DEMO_DATA', databaseUrl === null);
  // The demo's passwords are public: it stays on this machine unless HOST opens it on purpose.
  const host = env.HOST || (demoData ? '127.0.0.1' : '0.0.0.0');
  if (!/^[\w.:-]+$/.test(host)) throw new ConfigError('HOST', 'a host name or IP address', host);

  return {
    port,
    host,
    dataDir,
    databaseUrl,
    meiliUrl,
    meiliMasterKey,
    origin,
    meiliIndexPrefix,
    logLevel,
    demoData,
    devOutbox: env.NODE_ENV !== 'production' && (nodeEnvRaw !== 'production' || demoData),
    referenceData: readBoolean(env, 'REFERENCE_DATA', true),
    trustProxy: readBoolean(env, 'TRUST_PROXY', false),
    nodeEnv: nodeEnvRaw as Config['nodeEnv'],
    smtpUrl,
    mailFrom,
    rateLimits: { auth: readLimit(env, 'AUTH_RATE_LIMIT', 30), search: readLimit(env, 'SEARCH_RATE_LIMIT', 120) },
    admission: readAdmission(env),
    registrationLimits: {
      perClientPerHour: readLimit(env, 'REGISTRATION_LIMIT_PER_IP', 10),
      perCountryPerHour: readLimit(env, 'REGISTRATION_LIMIT_PER_COUNTRY', 60),
      anomalyPerCountryPerHour: readLimit(env, 'REGISTRATION_ANOMALY_PER_COUNTRY', 20),
    },
  };
}
