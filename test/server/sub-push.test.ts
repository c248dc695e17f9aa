// A part of a push run behind a savepoint (server/returns/sub-push.ts), on the store under test:
// what a refused part queued for the end of the push goes with it; what a kept part queued is
// written before the push goes on (the next part reads it).
import { strict as assert } from 'node:assert';
import { z } from 'zod';
import type { DatasetDef } from '../../shared/dataset-def';
import { Savepoint } from '../../server/returns/sub-push';
import { WriteQueue } from '../../server/store/write-queue';
import type { DatasetHandler, MutationOutcome, WriteContext } from '../../server/sync/handler';
import { storePerTest } from '../support/store';

/** A handler that queues one counter row per row pushed and answers `status` for each. */
function queueing(status: MutationOutcome['status']): DatasetHandler {
  const def = { name: 'fake', push: { schema: z.object({ name: z.string() }), roles: [] } };
  return {
    def: def as unknown as DatasetDef,
    push: (ctx, mutations) => {
      for (const m of mutations)
        ctx.later.add({
          table: 'counters',
          query: ctx.trx
            .insertInto('counters')
            .values({ name: String(m.values?.name), value: 1 })
            .compile(),
        });
      return Promise.resolve(mutations.map(() => ({ status, problems: [] })));
    },
  };
}

describe('savepoint parts of a push', () => {
  const store = storePerTest();

  it('drops what a refused part queued, and writes what a kept part queued at once', async () => {
    let seenByNextPart: unknown;
    await store.db.transaction().execute(async (trx) => {
      let seq = 0;
      const ctx: WriteContext = {
        trx,
        actor: {
          user: { id: 1, username: 'u', displayName: 'u', role: 'manager', regions: [] },
          workbookId: 'w',
          clientId: 'c',
        },
        now: new Date('2026-11-27T02:00:00Z'),
        today: '2026-11-27',
        locale: 'zh-CN',
        dryRun: false,
        nextSeq: () => ++seq,
        audit: () => undefined,
        later: new WriteQueue(trx),
        options: {},
      };
      const sp = await Savepoint.open(ctx, 'part');
      const refused = await sp.push(queueing('rejected'), [
        { rowKey: 'k1', values: { name: 'from-refused-part' } },
      ]);
      assert.equal(refused.ok, false);
      const again = await Savepoint.open(ctx, 'part2');
      const kept = await again.push(queueing('applied'), [
        { rowKey: 'k2', values: { name: 'from-kept-part' } },
      ]);
      assert.equal(kept.ok, true);
      seenByNextPart = await trx
        .selectFrom('counters')
        .select('name')
        .where('name', '=', 'from-kept-part')
        .executeTakeFirst();
      await again.keep();
      await ctx.later.flush();
    });
    assert.deepEqual(seenByNextPart, { name: 'from-kept-part' });
    const names = await store.db
      .selectFrom('counters')
      .select('name')
      .where('name', 'like', 'from-%')
      .execute();
    assert.deepEqual(names, [{ name: 'from-kept-part' }]);
  });
});
