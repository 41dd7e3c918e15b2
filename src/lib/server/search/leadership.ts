import postgres from 'postgres';
import { LOCKS } from './coordination.js';

/**
 * The right to relay the outbox, held by one process at a time: a session advisory lock on a connection kept
 * for the purpose. If that connection dies, Postgres frees the lock and another process takes over.
 *
 * The connection is a one-connection client of its own, not `sql.reserve()`: postgres.js 3.4.9 throws an
 * uncatchable TypeError from a setImmediate when a query is written on a reserved connection whose server went
 * away (porsager/postgres#1208), which took the whole app down when PostgreSQL restarted
 * (tests/faults/postgres-restart.test.ts). A client reconnects instead; `alive()` then asks Postgres whether the
 * current session still holds the lock.
 */
export interface Leadership {
  /** Still connected and still holding the lock? */
  alive(): Promise<boolean>;
  release(): Promise<void>;
}

export async function tryLead(databaseUrl: string): Promise<Leadership | null> {
  let client: postgres.Sql | null = postgres(databaseUrl, {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: 'bourse-projets-relay-lock' },
  });
  const drop = async () => {
    const held = client;
    client = null;
    await held?.end({ timeout: 1 }).catch(() => undefined);
  };
  try {
    const [row] = await client`select pg_try_advisory_lock(${LOCKS.relay}) as locked`;
    if (!row?.locked) {
      await drop();
      return null;
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    async alive() {
      if (!client) return false;
      try {
        const [row] = await client`
          select exists (
            select 1 from pg_locks
            where locktype = 'advisory' and pid = pg_backend_pid() and granted and classid = 0 and objid = ${LOCKS.relay}
          ) as held`;
        if (row?.held) return true;
      } catch {
        // the connection is gone, and the lock with it
      }
      await drop();
      return false;
    },
    async release() {
      if (!client) return;
      await client`select pg_advisory_unlock(${LOCKS.relay})`.catch(() => undefined);
      await drop();
    },
  };
}
