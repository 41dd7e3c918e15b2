import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';

export interface RunAs {
  uid: number;
  gid: number;
  user: string;
}

/**
 * Spawns a service binary that must never outlive us. `setpriv --pdeathsig` asks the kernel to signal the
 * child when this process dies, even by SIGKILL, so a crashed app leaves no orphan server behind.
 */
export function spawnTied(
  binary: string,
  args: string[],
  options: {
    runAs?: RunAs | null;
    deathSignal: 'SIGINT' | 'SIGTERM' | 'SIGKILL';
    env?: NodeJS.ProcessEnv;
    cwd?: string;
  },
): ChildProcess {
  const wrapper = ['--pdeathsig', options.deathSignal];
  if (options.runAs) {
    wrapper.unshift(`--reuid=${options.runAs.uid}`, `--regid=${options.runAs.gid}`, '--clear-groups');
  }
  return spawn('setpriv', [...wrapper, '--', binary, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
    cwd: options.cwd,
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/**
 * A pid file left by a run that was killed may name a process that is gone, or a leftover server still
 * holding our data directory (started before pdeath signals existed, or by hand). Stop the latter, forget
 * the former: either way the next start can proceed.
 */
export async function recoverStalePid(
  pidFile: string,
  expectedCommand: string,
  marker: string,
): Promise<'none' | 'stale' | 'stopped'> {
  if (!existsSync(pidFile)) return 'none';
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  const cmdline = Number.isInteger(pid) && pid > 0 ? commandLineOf(pid) : '';
  if (!cmdline.includes(expectedCommand) || !cmdline.includes(marker) || !isAlive(pid)) {
    await rm(pidFile, { force: true });
    return 'stale';
  }
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  await rm(pidFile, { force: true });
  return 'stopped';
}

export async function writePidFile(pidFile: string, pid: number): Promise<void> {
  await writeFile(pidFile, `${pid}\n`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export function isRoot(): boolean {
  return os.userInfo().uid === 0;
}

/** Keeps the last lines a child printed, so a failed start can say why. */
export function tail(child: ChildProcess, lines = 30): () => string {
  const buffer: string[] = [];
  const push = (chunk: Buffer) => {
    buffer.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (buffer.length > lines) buffer.splice(0, buffer.length - lines);
  };
  child.stdout?.on('data', push);
  child.stderr?.on('data', push);
  return () => buffer.join('\n');
}
