// Operator commands, shipped built as dist/cli.js (`node dist/cli.js --help`); the npm scripts run the same code.
import { ConfigError } from '../lib/server/config.js';
import { COMMANDS } from './commands.js';
import { CommandError, EXIT } from './context.js';

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    'Bourse-projets operator commands',
    '',
    'usage: node dist/cli.js <command> [options]      (npm run cli -- <command> in a checkout)',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Services: DATABASE_URL, MEILI_URL and MEILI_MASTER_KEY when set; otherwise the embedded services of the app',
    'running on DATA_DIR (default ./.data), or embedded services started for the command.',
    `Exit codes: ${EXIT.ok} done, ${EXIT.failure} failed, ${EXIT.usage} wrong usage, ${EXIT.unavailable} services unreachable, ${EXIT.config} bad configuration.`,
    '`node dist/cli.js <command> --help` describes a command.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`unknown command "${name}"\n\n${help()}\n`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.summary}\n\nusage: node dist/cli.js ${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    await command.run(args);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommandError) {
      process.stderr.write(`${name}: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT.config;
    }
    process.stderr.write(`${name} failed: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.failure;
  }
}

process.exit(await main(process.argv.slice(2)));
