import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createAdministrator } from '../lib/server/auth/first-admin.js';
import { loadDemoData } from '../lib/server/demo/load.js';
import { DomainError } from '../lib/server/errors.js';
import { ensureReferenceData, referenceDataState } from '../lib/server/reference-data/load.js';
import { reindexListings } from '../lib/server/search/reindex.js';
import { CommandError, EXIT, terminalLogger, withServices } from './context.js';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<void>;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

function options(
  args: string[],
  spec: NonNullable<ParseArgsConfig['options']>,
): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args, options: spec, allowPositionals: false, strict: true }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (error) {
    throw new CommandError((error as Error).message, EXIT.usage);
  }
}

export const COMMANDS: Record<string, Command> = {
  migrate: {
    summary: 'apply pending database migrations (the app also does it at start)',
    usage: 'migrate',
    async run(args) {
      options(args, {});
      await withServices(terminalLogger('warn'), async () => say('migrations applied'));
    },
  },
  'reference-data': {
    summary:
      'load the French authorities and record the country list now (the app does it at start, in the background)',
    usage: 'reference-data [--force]   --force: load again even when the recorded version matches',
    async run(args) {
      const { force } = options(args, { force: { type: 'boolean', default: false } });
      const logger = terminalLogger();
      await withServices(logger, async (services) => {
        const results = await ensureReferenceData(services.db, { logger, force: Boolean(force) });
        for (const r of results)
          say(
            `${r.dataset}: version ${r.version}, ${r.rows} rows${r.loaded ? ` (loaded in ${(r.ms / 1000).toFixed(1)} s)` : ' (already up to date)'}`,
          );
        for (const s of await referenceDataState(services.db))
          say(`recorded: ${s.dataset} ${s.source}@${s.version}, ${s.rows} rows, ${s.loadedAt.toISOString()}`);
      });
    },
  },
  reindex: {
    summary: 'rebuild the search index from PostgreSQL and swap it in while search stays up',
    usage: 'reindex',
    async run(args) {
      options(args, {});
      await withServices(terminalLogger('warn'), async (services) => {
        let last = '';
        const result = await reindexListings(services, {
          onProgress: ({ phase, sent, indexed, total }) => {
            const line = phase === 'fill' ? `uploaded ${sent}/${total}, indexed ${indexed}/${total}` : phase;
            if (line !== last) say(line);
            last = line;
          },
        });
        say(`reindexed ${result.documents} requests into ${result.index} in ${(result.ms / 1000).toFixed(1)} s`);
      });
    },
  },
  seed: {
    summary: 'load the demo (accounts, authorities, requests in every state); idempotent; never in production',
    usage: 'seed',
    async run(args) {
      options(args, {});
      if (process.env.NODE_ENV === 'production' && process.env.ALLOW_DEMO_SEED !== 'true') {
        throw new CommandError(
          'the demo has well-known passwords: refusing to seed with NODE_ENV=production (set ALLOW_DEMO_SEED=true to insist)',
          EXIT.usage,
        );
      }
      await withServices(terminalLogger('warn'), async (services) => {
        const started = Date.now();
        const result = await loadDemoData(services.db, say);
        say(
          `demo ready in ${((Date.now() - started) / 1000).toFixed(1)} s${result.skipped ? ' (requests already present)' : ''}`,
        );
      });
    },
  },
  'create-admin': {
    summary: 'create an administrator (the first one, in production) and print the link where they choose a password',
    usage: 'create-admin --email <address> --name <display name> [--locale fr|en|es]',
    async run(args) {
      const values = options(args, {
        email: { type: 'string' },
        name: { type: 'string' },
        locale: { type: 'string', default: 'fr' },
      });
      if (!values.email || !values.name) throw new CommandError('create-admin needs --email and --name', EXIT.usage);
      await withServices(terminalLogger('warn'), async (services) => {
        try {
          const result = await createAdministrator(services, {
            email: String(values.email),
            displayName: String(values.name),
            locale: String(values.locale),
          });
          say(
            result.created
              ? `administrator ${values.email} created`
              : `${values.email} is already an administrator: new link issued`,
          );
          say(`choose the password here before ${result.expiresAt.toISOString()} (also mailed to them):`);
          say(result.link);
        } catch (error) {
          if (error instanceof DomainError) throw new CommandError(error.message, EXIT.failure);
          throw error;
        }
      });
    },
  },
};
