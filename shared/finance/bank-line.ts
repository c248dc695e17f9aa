// A bank statement line (银行流水) as finance pushes it from its statement sheet or imports it
// from the bank's .xlsx export, and its fingerprint: the same line imported twice — from the
// sheet and again from the export, or the export twice — must be booked once.
import { z } from 'zod';
import { businessDateSchema } from './dates';
import { positiveFenSchema } from './money';
import { normalizeAccount, normalizePartyName } from './party';
import { compactReference } from './tokens';

/** An optional sheet cell: trimmed; an empty cell counts as absent. */
const optionalCellSchema = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

export const bankReceiptSchema = z.object({
  date: businessDateSchema,
  payerName: z.string().trim().min(1),
  payerAccount: optionalCellSchema,
  amount: positiveFenSchema,
  /** The bank's own serial number for the line (流水号), when the export has one. */
  bankRef: optionalCellSchema,
  /** 附言: free text typed by the payer. */
  remark: optionalCellSchema,
});
export type BankReceipt = z.infer<typeof bankReceiptSchema>;

/** A receipt once the server has stored it: the bank line plus its canonical id. */
export const receiptSchema = bankReceiptSchema.extend({ id: z.string().min(1) });
export type Receipt = z.infer<typeof receiptSchema>;

/**
 * Identity of a bank line: date, amount, bank reference, payer account and payer name, each
 * normalised (full-width/half-width, case, spacing and punctuation do not count).
 * The payer name is included because many exports have no reference: without it, two dealers
 * paying the same amount on the same day would look like one line imported twice. The remark
 * is left out: banks truncate it differently in different exports.
 */
export function bankLineFingerprint(line: BankReceipt): string {
  return [
    line.date,
    String(line.amount),
    compactReference(line.bankRef ?? ''),
    normalizeAccount(line.payerAccount ?? ''),
    normalizePartyName(line.payerName),
  ].join('|');
}
