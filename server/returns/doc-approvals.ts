// The "exchange-approvals" and "transfer-approvals" datasets (调换审批, 调货审批,
// docs/returns.md): a manager approves an exchange over the approval threshold or a sales user's
// transfer request — booked then, its rules re-checked — or rejects it (awaiting.ts).
import type { PushValues } from '../../shared/dataset-def';
import {
  dealerTransfersDataset,
  exchangeApprovalsDataset,
  exchangesDataset,
  transferApprovalsDataset,
} from '../../shared/returns/datasets';
import { pullRecords } from '../datasets/master';
import { recordsByKey } from '../datasets/records-store';
import { defineHandler, type DatasetHandler, type ParsedMutation } from '../sync/handler';
import { pushDecisions, type ApprovalSpec } from './awaiting';
import { approveExchange } from './exchanges';
import { approveTransfer } from './transfers';

type ExchangeDecision = PushValues<typeof exchangeApprovalsDataset>;
type TransferDecision = PushValues<typeof transferApprovalsDataset>;

const exchangeSpec: ApprovalSpec<ExchangeDecision> = {
  def: exchangeApprovalsDataset,
  dataset: exchangesDataset.name,
  doc: (v) => `${v.dealerCode}/${v.exchangeRef}`,
  approve: approveExchange,
};

const transferSpec: ApprovalSpec<TransferDecision> = {
  def: transferApprovalsDataset,
  dataset: dealerTransfersDataset.name,
  doc: (v) => v.transferRef,
  approve: approveTransfer,
};

export function exchangeApprovalsHandler(): DatasetHandler {
  const name = exchangeApprovalsDataset.name;
  return defineHandler(exchangeApprovalsDataset, {
    push: async (ctx, mutations: readonly ParsedMutation<ExchangeDecision>[]) => {
      const stored = await recordsByKey(
        ctx.trx,
        name,
        mutations.map((m) => m.rowKey),
      );
      return pushDecisions(ctx, exchangeSpec, mutations, stored);
    },
    pull: (request) =>
      pullRecords(name, request, (values) => {
        const { dealer } = request.filter;
        return dealer === undefined || values.dealerCode === dealer;
      }),
  });
}

export function transferApprovalsHandler(): DatasetHandler {
  const name = transferApprovalsDataset.name;
  return defineHandler(transferApprovalsDataset, {
    push: async (ctx, mutations: readonly ParsedMutation<TransferDecision>[]) => {
      const stored = await recordsByKey(
        ctx.trx,
        name,
        mutations.map((m) => m.rowKey),
      );
      return pushDecisions(ctx, transferSpec, mutations, stored);
    },
    pull: (request) => pullRecords(name, request),
  });
}
