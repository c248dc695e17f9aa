// Who paid: the dealer as finance needs to recognise it on a bank line, and the payer aliases
// finance has confirmed (learned aliases: when finance confirms a payer account for
// a dealer, later receipts from it match by party).
// The dealer master record belongs to master data; this is the part of it matching reads.
import { z } from 'zod';
import { compactReference, compactText } from './tokens';

export const dealerPartySchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  shortName: z.string().min(1).optional(),
});

/** A confirmed payer: by account, by name, or both. At least one must be given. */
export const payerAliasSchema = z
  .object({
    dealerCode: z.string().min(1),
    payerAccount: z.string().min(1).optional(),
    payerName: z.string().min(1).optional(),
  })
  .refine((alias) => alias.payerAccount !== undefined || alias.payerName !== undefined, {
    error: 'payerAccount or payerName is required',
  });
export type PayerAlias = z.infer<typeof payerAliasSchema>;

/** Legal-form suffixes that bank lines and master data spell inconsistently. Longest first. */
const LEGAL_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '公司'];

/** Shortest normalised name we trust for containment: one Chinese character is noise. */
export const MIN_NAME_LENGTH = 2;

/**
 * The comparable form of a company or person name: normalised, spaces removed, one legal-form
 * suffix dropped, so "上海华联商贸有限公司" and "上海华联 商贸" compare equal.
 */
export function normalizePartyName(name: string): string {
  const compact = compactText(name);
  const suffix = LEGAL_SUFFIXES.find((candidate) => compact.endsWith(candidate));
  return suffix === undefined ? compact : compact.slice(0, -suffix.length);
}

/** The comparable form of a bank account number: letters and digits only. */
export function normalizeAccount(account: string): string {
  return compactReference(account);
}
