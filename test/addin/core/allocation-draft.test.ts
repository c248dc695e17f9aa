import assert from 'node:assert/strict';
import { draftAllocations, type SuggestionRow } from '../../../addin/core/allocation-draft';

const row = (values: Record<string, unknown>, hidden = false): SuggestionRow => ({
  values,
  hidden,
});

describe('allocation drafts from the reconciliation', () => {
  it('takes the best visible rank per receipt and skips rank 0', () => {
    const drafts = draftAllocations([
      row(
        {
          receiptId: 'R1',
          rank: 1,
          candidateKind: 'invoice',
          candidateId: 'INV-1',
          dealerCode: 'D',
          suggestedTargetKind: 'invoice',
          suggestedAmount: 500,
        },
        true,
      ),
      row({
        receiptId: 'R1',
        rank: 2,
        candidateKind: 'order',
        candidateId: 'SO-2',
        dealerCode: 'D',
        suggestedTargetKind: 'order-deposit',
        suggestedAmount: 300,
      }),
      row({ receiptId: 'R2', rank: 0 }),
    ]);
    assert.deepEqual(drafts, [
      {
        receiptId: 'R1',
        dealerCode: 'D',
        targetKind: 'order-deposit',
        targetId: 'SO-2',
        amount: 300,
      },
    ]);
  });

  it('reads a dealer split with a write-off and an overpayment', () => {
    const split = 'INV-1 3,000.00; INV-2 995.00; INV-2 差额 write-off 5.00; 预收 credit 100.00';
    const drafts = draftAllocations([
      row({
        receiptId: 'R1',
        rank: 1,
        candidateKind: 'dealer',
        candidateId: 'D',
        dealerCode: 'D',
        split,
      }),
    ]);
    const base = { receiptId: 'R1', dealerCode: 'D' };
    assert.deepEqual(drafts, [
      { ...base, targetKind: 'invoice', targetId: 'INV-1', amount: 300_000 },
      {
        ...base,
        targetKind: 'invoice',
        targetId: 'INV-2',
        amount: 99_500,
        writeOffAmount: 500,
        writeOffReason: 'bank-fee-tolerance',
      },
      { ...base, targetKind: 'credit-balance', amount: 10_000 },
    ]);
  });

  it('proposes nothing for a dealer candidate whose split cannot be read', () => {
    const values = {
      receiptId: 'R1',
      rank: 1,
      candidateKind: 'dealer',
      candidateId: 'D',
      dealerCode: 'D',
      split: '??',
    };
    assert.deepEqual(draftAllocations([row(values)]), []);
  });

  it('drafts an invoice allocation for an invoice suggestion, whatever its split or number says', () => {
    const base = { receiptId: 'R9', rank: 1, dealerCode: 'D', suggestedAmount: 47_950 };
    const invoice = {
      ...base,
      candidateKind: 'invoice',
      candidateId: 'FP-2026-0479',
      suggestedTargetKind: 'invoice',
      split: 'FP-2026-0479 479.50',
    };
    assert.deepEqual(draftAllocations([row(invoice)]), [
      {
        receiptId: 'R9',
        dealerCode: 'D',
        targetKind: 'invoice',
        targetId: 'FP-2026-0479',
        amount: 47_950,
      },
    ]);
    const order = {
      ...base,
      candidateKind: 'order',
      candidateId: 'INV-LIKE-ORDER',
      suggestedTargetKind: 'order-deposit',
    };
    assert.equal(draftAllocations([row(order)])[0]?.targetKind, 'order-deposit');
  });
});
