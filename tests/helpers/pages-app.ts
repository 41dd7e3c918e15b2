import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { startAppProcess, waitForHealth, type AppProcess } from './app-process.js';
import { TEST_PASSWORD } from './fixtures.js';
import { builtApp } from './run-build.js';
import type { TestContext } from './services.js';

/** The built server on a test file's own database and indexes, so the file can prepare data in-process first. */
export interface BuiltAppOnServices {
  app: AppProcess;
  stop(): Promise<void>;
}

/**
 * Starts the built app (the run's copy) on the file's services: same database, same index prefix, a private
 * DATA_DIR; `env` adds or overrides settings. Waits until /api/health answers.
 */
export async function startBuiltAppOn(ctx: TestContext, env: Record<string, string> = {}): Promise<BuiltAppOnServices> {
  const build = await builtApp();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bourse-pages-'));
  const app = await startAppProcess(
    {
      DATABASE_URL: ctx.databaseUrl,
      MEILI_URL: inject('meiliUrl'),
      MEILI_MASTER_KEY: inject('meiliMasterKey'),
      MEILI_INDEX_PREFIX: ctx.services.indexPrefix,
      DATA_DIR: dataDir,
      AUTH_RATE_LIMIT: '0',
      SEARCH_RATE_LIMIT: '0',
      ...env,
    },
    build.root,
  );
  const stop = async () => {
    if (app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    build.remove();
  };
  try {
    await waitForHealth(app);
  } catch (error) {
    await stop();
    throw error;
  }
  return { app, stop };
}

/** The value of a cookie the response sets, or null. */
export const cookieOf = (res: Response, name: string): string | null =>
  new RegExp(`(?:^|[ ,])${name}=([^;]+)`).exec(res.headers.get('set-cookie') ?? '')?.[1] ?? null;

/**
 * Signs in through the sign-in page's form (no JavaScript) and returns the session cookie's value. `origin`: the
 * app's ORIGIN (SvelteKit refuses a form posted from another one).
 */
export async function pageSession(
  baseUrl: string,
  email: string,
  { origin, password = TEST_PASSWORD }: { origin: string; password?: string },
): Promise<string> {
  const res = await fetch(`${baseUrl}/connexion`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin },
    body: new URLSearchParams({ email, password }).toString(),
  });
  const session = cookieOf(res, 'session');
  if (!session) throw new Error(`sign-in through the page failed for ${email}: ${res.status}`);
  return session;
}
