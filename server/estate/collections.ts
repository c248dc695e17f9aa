// 回款: finance records money received on a contract against one part of its schedule. A part
// never takes more than it still lacks (refused with the figure); the collection that completes
// the price moves the contract to 回款完成 in the same transaction. Two collections on one
// contract take turns (an advisory lock on PostgreSQL; SQLite has one writer). A contract that
// is 回款完成 keeps its collections as they are (docs/estate.md, "Collections").
import type { z } from 'zod';
import {
  estateCollectionsDataset,
  isFullyCollected,
  outstandingOf,
  partLabels,
  type collectionSchema,
} from '../../shared/estate/collections';
import { formatYuan } from '../../shared/money';
import type { Db } from '../store/db';
import { lockKeys, lockSpace } from '../store/locks';
import { takeNumber } from '../sync/doc-numbers';
import { toPullPage } from '../finance/table-pull';
import {
  defineHandler,
  type MutationOutcome,
  type ParsedMutation,
  type WriteContext,
} from '../sync/handler';
import { collectedByContract, scheduleOf } from './collection-facts';
import { planMove, rejected } from './documents';
import { estMoney, type EstCollectionsTable } from './money-tables';
import { documentById, saveDocument, unitByCode } from './store';
import type { EstDocumentsTable } from './tables';
import { stampFor } from './units';

type CollectionValues = z.output<typeof collectionSchema>;
const unchanged: MutationOutcome = { status: 'unchanged', problems: [] };

const applied = (row: EstCollectionsTable): MutationOutcome => ({
  status: 'applied',
  id: row.id,
  version: row.version,
  problems: [],
});

async function activeContract(ctx: WriteContext, id: string) {
  const doc = await documentById(ctx.trx, id);
  if (doc?.kind === 'contract' && doc.state === 'active' && doc.deleted === 0) return doc;
  return undefined;
}

function versionCheck(stored: EstCollectionsTable, base: number | undefined) {
  if (base === stored.version) return null;
  const code = base === undefined ? 'missing-base-version' : 'stale-version';
  return {
    status: 'conflict',
    problems: [{ code, params: { version: stored.version } }],
  } satisfies MutationOutcome;
}

/** The refusal when the collection takes more than its part still lacks, else null. */
async function overCollection(
  ctx: WriteContext,
  contract: EstDocumentsTable,
  row: { amount: number; part: EstCollectionsTable['part']; id?: string },
) {
  const sums = await collectedByContract(ctx.trx, [contract.id]);
  const ownBefore = row.id ? await ownAmount(ctx, row.id, row.part) : 0;
  const collected = (sums.get(contract.id)?.byPart[row.part] ?? 0) - ownBefore;
  const outstanding = outstandingOf(scheduleOf(contract), row.part, collected);
  if (row.amount <= outstanding) return null;
  return rejected({
    field: 'amount',
    code: 'estate-over-collection',
    params: {
      document: contract.id,
      part: partLabels[row.part][ctx.locale],
      outstanding: formatYuan(Math.max(outstanding, 0)),
      amount: formatYuan(row.amount),
      excess: formatYuan(row.amount - Math.max(outstanding, 0)),
    },
  });
}

async function ownAmount(ctx: WriteContext, id: string, part: EstCollectionsTable['part']) {
  const own = await estMoney(ctx.trx)
    .selectFrom('est_collections')
    .select(['amount', 'part', 'deleted'])
    .where('id', '=', id)
    .executeTakeFirst();
  return own && own.part === part && own.deleted === 0 ? own.amount : 0;
}

/** 回款完成 once every part is collected: the state machine's complete-payment move. */
async function completeIfCollected(ctx: WriteContext, contract: EstDocumentsTable) {
  if (contract.stage !== 'contracted' && contract.stage !== 'filed') return;
  const sums = await collectedByContract(ctx.trx, [contract.id]);
  if (!isFullyCollected(scheduleOf(contract), sums.get(contract.id)?.byPart ?? {})) return;
  const unit = await unitByCode(ctx.trx, contract.unit_code);
  if (!unit) throw new Error(`contract ${contract.id}: unit ${contract.unit_code} is missing`);
  const move = planMove(ctx, unit, 'complete-payment');
  if ('refusal' in move) return;
  await saveDocument(ctx.trx, stampFor(ctx), { ...contract, stage: 'paid' }, contract);
  await move.apply();
}

async function write(
  ctx: WriteContext,
  row: Omit<EstCollectionsTable, 'version' | 'change_seq' | 'updated_at' | 'updated_by'>,
  stored?: EstCollectionsTable,
) {
  const full: EstCollectionsTable = {
    ...row,
    version: (stored?.version ?? 0) + 1,
    change_seq: ctx.nextSeq(),
    updated_at: ctx.now.toISOString(),
    updated_by: ctx.actor.user.username,
  };
  if (stored)
    await estMoney(ctx.trx)
      .updateTable('est_collections')
      .set(full)
      .where('id', '=', stored.id)
      .execute();
  else await estMoney(ctx.trx).insertInto('est_collections').values(full).execute();
  return full;
}

async function applyCollection(
  ctx: WriteContext,
  m: ParsedMutation<CollectionValues>,
): Promise<MutationOutcome> {
  const stored = await estMoney(ctx.trx)
    .selectFrom('est_collections')
    .selectAll()
    .where('row_key', '=', m.rowKey)
    .executeTakeFirst();
  if (!stored && m.op === 'delete') return unchanged;
  const contractId = stored?.contract_id ?? (m.op === 'upsert' ? m.values.contractId : '');
  await lockKeys(ctx.trx, lockSpace.rowKey, [`estate-collections:${contractId}`]);
  const contract = await activeContract(ctx, contractId);
  if (!contract)
    return rejected({
      field: 'contractId',
      code: 'estate-contract-unknown',
      params: { document: contractId },
    });
  if (stored) {
    const refusal = versionCheck(stored, m.baseVersion);
    if (refusal) return refusal;
    if (stored.deleted === 0 && contract.stage === 'paid')
      return rejected({ code: 'estate-collection-locked', params: { document: contract.id } });
  }
  if (m.op === 'delete')
    return stored ? applied(await write(ctx, { ...stored, deleted: 1 }, stored)) : unchanged;
  const v = m.values;
  if (stored && v.contractId !== stored.contract_id)
    return rejected({
      field: 'contractId',
      code: 'invalid-value',
      params: { value: v.contractId },
    });
  const refusal = await overCollection(ctx, contract, {
    amount: v.amount,
    part: v.kind,
    ...(stored && stored.deleted === 0 ? { id: stored.id } : {}),
  });
  if (refusal) return refusal;
  const row = await write(
    ctx,
    {
      id: stored?.id ?? (await takeNumber(ctx.trx, `HK-${contract.project_code}`)),
      row_key: m.rowKey,
      contract_id: contract.id,
      project_code: contract.project_code,
      unit_code: contract.unit_code,
      consultant: contract.consultant,
      collected_on: v.collectedOn,
      amount: v.amount,
      part: v.kind,
      receipt_no: v.receiptNo ?? null,
      deleted: 0,
    },
    stored,
  );
  await completeIfCollected(ctx, contract);
  return applied(row);
}

export function collectionsHandler() {
  return defineHandler(estateCollectionsDataset, {
    push: async (ctx, mutations) => {
      const outcomes: MutationOutcome[] = [];
      for (const m of mutations) outcomes.push(await applyCollection(ctx, m));
      return outcomes;
    },
    pull: async (request) => {
      const rows = await estMoney(request.db)
        .selectFrom('est_collections')
        .selectAll()
        .where('change_seq', '>', request.afterSeq)
        .orderBy('change_seq')
        .limit(request.limit)
        .execute();
      return toPullPage(rows, request, (row) => ({
        id: row.id,
        contractId: row.contract_id,
        collectedOn: row.collected_on,
        amount: row.amount,
        kind: row.part,
        ...(row.receipt_no ? { receiptNo: row.receipt_no } : {}),
        projectCode: row.project_code,
        unitCode: row.unit_code,
        consultant: row.consultant,
      }));
    },
  });
}

/** Collections between two dates (inclusive), for the daily report. */
export async function collectionsBetween(db: Db, from: string, to: string) {
  return estMoney(db)
    .selectFrom('est_collections')
    .select(['project_code', 'consultant', 'collected_on', 'amount'])
    .where('deleted', '=', 0)
    .where('collected_on', '>=', from)
    .where('collected_on', '<=', to)
    .execute();
}
