import { spawn } from 'node:child_process';
import path from 'node:path';

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/**
 * Runs `node dist/cli.js …` from an assembled app directory, as an operator would in the image. Asynchronous:
 * servers of the test process (SMTP) must keep answering while the command runs.
 */
export function runCli(appDir: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const child = spawn(process.execPath, [path.join(appDir, 'dist/cli.js'), ...args], {
    cwd: appDir,
    env,
    timeout: 120_000,
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}
