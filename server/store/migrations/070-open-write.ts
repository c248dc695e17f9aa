// PostgreSQL: a writing transaction opens with one statement instead of three round trips
// (server/sync/changes.ts, openBlockAllocator): the in-flight announcement, the blocks of
// change numbers, then the advisory locks the write takes first, in the order given. The order
// inside matters and is spelled out, statement by statement: the announcement before the
// blocks (a pull reads the sequence first and the announcements second), the locks one by one.
// SQLite needs none of it (one writer at a time).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`CREATE OR REPLACE FUNCTION open_write(announce_base INT8, block INT8, blocks INT4,
      lock_spaces INT4[], lock_keys INT4[])
    RETURNS SETOF INT8 LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock_shared(announce_base
        + (CASE WHEN is_called THEN last_value + block ELSE last_value END - 1) / block)
        FROM change_seq_blocks;
      RETURN QUERY SELECT nextval('change_seq_blocks') FROM generate_series(1, blocks);
      FOR i IN 1 .. coalesce(array_length(lock_keys, 1), 0) LOOP
        PERFORM pg_advisory_xact_lock(lock_spaces[i], lock_keys[i]);
      END LOOP;
    END $$`.execute(db);
}
