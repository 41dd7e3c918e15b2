import type { ReservedSql } from 'postgres';
import type { Sql } from '../db/index.js';
import { LOCKS } from './coordination.js';

/**
 * The right to relay the outbox, held by one process at a time: a session advisory lock on a connection kept
 * for the purpose. If that connection dies, Postgres frees the lock and another process takes over.
 */
export interface Leadership {
  /** Still connected (and so still holding the lock)? */
  alive(): Promise<boolean>;
  release(): Promise<void>;
}

export async function tryLead(sql: Sql): Promise<Leadership | null> {
  let connection: ReservedSql<{}> | null = await sql.reserve();
  try {
    const [row] = await connection`select pg_try_advisory_lock(${LOCKS.relay}) as locked`;
    if (!row?.locked) {
      connection.release();
      return null;
    }
  } catch (error) {
    connection.release();
    throw error;
  }
  return {
    async alive() {
      if (!connection) return false;
      try {
        await connection`select 1`;
        return true;
      } catch {
        connection.release();
        connection = null;
        return false;
      }
    },
    async release() {
      if (!connection) return;
      const held = connection;
      connection = null;
      await held`select pg_advisory_unlock(${LOCKS.relay})`.catch(() => undefined);
      held.release();
    },
  };
}
