// Runs another dataset's handler inside this push's transaction, behind a savepoint: an exchange
// or a dealer-to-dealer transfer (docs/returns.md) books an order and its shipment through the
// real orders and shipments handlers — their reservations, credit check, deposits and exposure —
// and undoes them together when any part is refused. Audit entries reach the push only when the
// part stands. SAVEPOINT and ROLLBACK TO SAVEPOINT read the same on SQLite and PostgreSQL.
import { sql } from 'kysely';
import type { RowProblem } from '../../shared/row-errors';
import { WriteQueue } from '../store/write-queue';
import type { AuditEntry, DatasetHandler, MutationOutcome, WriteContext } from '../sync/handler';

interface SubRow {
  rowKey: string;
  values: Record<string, unknown>;
}

type SubResult = { ok: true; ids: string[] } | { ok: false; problems: RowProblem[][] };

/** Parses `rows` with the handler's push schema and pushes them; outcomes in row order. */
async function pushRows(ctx: WriteContext, handler: DatasetHandler, rows: readonly SubRow[]) {
  const schema = handler.def.push?.schema;
  if (!schema || !handler.push) throw new Error(`${handler.def.name} cannot be pushed`);
  const parsed = rows.map((row, index) => {
    const values = schema.parse(row.values) as Record<string, unknown>;
    const mutationId = `${row.rowKey}:${handler.def.name}`;
    return { mutationId, rowKey: row.rowKey, index, op: 'upsert' as const, values };
  });
  return handler.push(ctx, parsed);
}

const refused = (o: MutationOutcome) => o.status !== 'applied' && o.status !== 'unchanged';

export class Savepoint {
  private readonly audits: AuditEntry[] = [];
  readonly ctx: WriteContext;

  private constructor(
    private readonly outer: WriteContext,
    private readonly name: string,
  ) {
    this.ctx = {
      ...outer,
      audit: (entry) => this.audits.push(entry),
      later: new WriteQueue(outer.trx),
    };
  }

  static async open(ctx: WriteContext, name: string): Promise<Savepoint> {
    await sql.raw(`SAVEPOINT ${name}`).execute(ctx.trx);
    return new Savepoint(ctx, name);
  }

  /** Pushes rows through `handler`; a refusal undoes everything since the savepoint. */
  async push(handler: DatasetHandler, rows: readonly SubRow[]): Promise<SubResult> {
    if (rows.length === 0) return { ok: true, ids: [] };
    const outcomes = await pushRows(this.ctx, handler, rows);
    if (outcomes.some(refused)) {
      await this.undo();
      return { ok: false, problems: outcomes.map((o) => (refused(o) ? o.problems : [])) };
    }
    // What the part queued is written now: what follows (its shipment, the savepoint) reads it.
    await this.ctx.later.flush();
    return { ok: true, ids: outcomes.map((o) => o.id ?? '') };
  }

  /**
   * Undoes everything since the savepoint: its writes and audit entries; what its parts queued
   * stays in its own queue, which is never sent.
   */
  async undo(): Promise<void> {
    await sql.raw(`ROLLBACK TO SAVEPOINT ${this.name}`).execute(this.outer.trx);
    await sql.raw(`RELEASE SAVEPOINT ${this.name}`).execute(this.outer.trx);
    this.audits.length = 0;
  }

  async keep(): Promise<void> {
    await sql.raw(`RELEASE SAVEPOINT ${this.name}`).execute(this.outer.trx);
    for (const entry of this.audits.splice(0)) this.outer.audit(entry);
  }
}
