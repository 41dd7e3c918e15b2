// Reads the production Dockerfile so that the tests replaying it use its own instructions, not a second list
// that could drift: the build stage's RUN commands, what the runtime stage copies from it, its ENV and CMD.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type BuildStep = { op: 'COPY'; sources: string[]; to: string } | { op: 'RUN'; command: string };

export interface DockerfilePlan {
  /** The build stage's COPY (from the build context) and RUN instructions, in order; paths relative to its WORKDIR. */
  buildSteps: BuildStep[];
  /** Shell commands of the build stage's RUN instructions, in order. */
  buildRuns: string[];
  /** Paths (relative to the build stage's WORKDIR) the runtime stage copies from the build stage. */
  runtimeCopies: Array<{ from: string; to: string }>;
  /** The runtime stage's ENV. */
  env: Record<string, string>;
  /** The runtime stage's CMD (exec form). */
  cmd: string[];
}

/** Joins continuation lines and drops comments. */
function instructions(text: string): Array<{ op: string; args: string }> {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [op, ...rest] = line.split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(' ') };
    });
}

function parseEnv(args: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g))
    env[match[1]!] = match[2]!.replace(/^"|"$/g, '');
  return env;
}

export function readDockerfile(file: string): DockerfilePlan {
  const stages: Array<{ name: string; workdir: string; items: Array<{ op: string; args: string }> }> = [];
  for (const item of instructions(readFileSync(file, 'utf8'))) {
    if (item.op === 'FROM') {
      const name = /\bAS\s+(\S+)/i.exec(item.args)?.[1] ?? `stage${stages.length}`;
      stages.push({ name, workdir: '/', items: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`${file}: ${item.op} before FROM`);
    if (item.op === 'WORKDIR') stage.workdir = path.posix.resolve(stage.workdir, item.args);
    stage.items.push(item);
  }
  const build = stages.find((s) => s.name === 'build');
  const runtime = stages.at(-1);
  if (!build || !runtime || build === runtime)
    throw new Error(`${file}: expected a "build" stage and a runtime stage after it`);

  const buildRuns = build.items.filter((i) => i.op === 'RUN').map((i) => i.args);
  const buildSteps: BuildStep[] = [];
  for (const item of build.items) {
    if (item.op === 'RUN') buildSteps.push({ op: 'RUN', command: item.args });
    if (item.op === 'COPY') {
      const words = item.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const to = words.pop()!;
      buildSteps.push({
        op: 'COPY',
        sources: words,
        to: path.posix.relative(build.workdir, path.posix.resolve(build.workdir, to)) || '.',
      });
    }
    if (!['RUN', 'COPY', 'WORKDIR'].includes(item.op))
      throw new Error(
        `${file}: the build stage's ${item.op} is not replayed by the tests: teach tests/helpers/dockerfile.ts`,
      );
  }
  const runtimeCopies: DockerfilePlan['runtimeCopies'] = [];
  let env: Record<string, string> = {};
  let cmd: string[] = [];
  for (const item of runtime.items) {
    if (item.op === 'ENV') env = { ...env, ...parseEnv(item.args) };
    if (item.op === 'CMD') cmd = JSON.parse(item.args) as string[];
    if (item.op === 'COPY') {
      const words = item.args.split(/\s+/).filter((w) => !w.startsWith('--chown') && !w.startsWith('--chmod'));
      const fromFlag = words.findIndex((w) => w.startsWith('--from='));
      if (fromFlag === -1)
        throw new Error(`${file}: the runtime stage copies "${item.args}" from outside the build stage`);
      if (words[fromFlag] !== `--from=${build.name}`) throw new Error(`${file}: unexpected ${words[fromFlag]}`);
      words.splice(fromFlag, 1);
      const to = words.pop()!;
      for (const source of words) {
        const relative = path.posix.relative(build.workdir, source);
        if (relative.startsWith('..')) throw new Error(`${file}: ${source} lies outside the build stage's WORKDIR`);
        // "COPY a b ./" puts a and b in ./ ; "COPY a ./a" names the target.
        const target = to.endsWith('/') ? path.posix.join(to, path.posix.basename(relative)) : to;
        runtimeCopies.push({ from: relative, to: path.posix.normalize(target) });
      }
    }
  }
  if (!cmd.length) throw new Error(`${file}: the runtime stage has no CMD`);
  return { buildSteps, buildRuns, runtimeCopies, env, cmd };
}
