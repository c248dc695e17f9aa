// What a dataset is: declared once, here in shared/, and read by everything else — GET /meta,
// OpenAPI, import/export, the push engine, the add-in's Validate and the pane's role lists.
// See docs/adding-a-dataset.md.
import type { z } from 'zod';
import type { Label } from './locale';
import type { MessageCode, MessageParams } from './messages';
import type { PullFilter } from './protocol';
import type { Role } from './roles';

export type RowSchema = z.ZodObject<z.ZodRawShape>;

/** The names of the filters a pull may honour (`from`, `to`, `region` …). */
export type PullFilterName = keyof PullFilter;

/** A problem a row rule finds, on one field, put into words by the shared messages. */
export interface RuleProblem {
  field: string;
  code: MessageCode;
  params?: MessageParams;
}

/**
 * What a row rule may look at besides the row: attributes of master records (a product's pack
 * size and dealer price) and the user's role. The add-in answers from GET /meta's lists, the
 * server from its store, so both run the same rule on the same facts.
 */
export interface RuleContext {
  attribute: (list: string, code: string, name: string) => number | string | undefined;
  role: Role;
}

/** A rule over one parsed row that needs master data, run offline by the add-in and by the server. */
export type RowRule = (
  values: Readonly<Record<string, unknown>>,
  ctx: RuleContext,
) => RuleProblem[];

export interface DatasetDef<
  Push extends RowSchema = RowSchema,
  Pull extends RowSchema = RowSchema,
> {
  readonly name: string;
  readonly label: Label;
  /** Values a push carries, and who may push; absent when the dataset is pull-only. */
  readonly push?: {
    readonly schema: Push;
    readonly roles: readonly Role[];
    /** Request options (`options` of a push) and the roles allowed to set each. */
    readonly options?: Readonly<Record<string, readonly Role[]>>;
  };
  /** Values a pull returns, who may pull, and which filters it honours. */
  readonly pull?: {
    readonly schema: Pull;
    readonly roles: readonly Role[];
    readonly filters?: readonly PullFilterName[];
    /**
     * The value naming the dealer whose region a row belongs to, when it is not the row's own
     * `dealerCode` (a group-buy call-off counts for the dealer it is attributed to,
     * docs/group-buy.md). The pull's region limit reads it first; a blank value falls back.
     */
    readonly regionBy?: string;
  };
  /** The field that names a record for people (a dealer's code), unique among live records. */
  readonly naturalKey?: string;
  /**
   * Rows that stand or fall together: rows with equal values of these fields (an order's
   * dealer and order reference) are accepted or refused as one, and travel in one request.
   */
  readonly groupBy?: readonly string[];
  /** All or nothing: a push sends every row in one request with `atomic: true` (allocations). */
  readonly pushAtomic?: true;
  /** Rules that need master data, checked offline by the add-in and again by the server. */
  readonly rules?: readonly RowRule[];
  /**
   * Master data that other datasets name (`ref`): GET /meta lists the records' codes (the natural
   * key) and names for dropdowns and offline checks, with the attributes row rules read.
   */
  readonly list?: MasterList;
}

export interface MasterList {
  /** The field shown beside the code in a dropdown. */
  readonly nameField: string;
  /** Values the row rules look up by code (a product's pack size and dealer price). */
  readonly attributes?: readonly string[];
  /** What a code that names no record is called, and one that names an inactive record. */
  readonly unknownCode: MessageCode;
  readonly inactiveCode?: MessageCode;
}

/** The values a dataset's push handler receives: its push schema's output. */
export type PushValues<D> = D extends { push?: { schema: infer S extends RowSchema } }
  ? z.output<S>
  : never;

/** Declares a dataset, keeping its schemas' types for the handler that serves it. */
export function defineDataset<Push extends RowSchema, Pull extends RowSchema>(
  def: DatasetDef<Push, Pull>,
): DatasetDef<Push, Pull> {
  return def;
}

/**
 * The group a row belongs to, from its raw values (before the schema), or null when the dataset
 * does not group or a grouping field is blank: such a row stands alone.
 */
export function groupKeyOf(
  groupBy: readonly string[] | undefined,
  values: Readonly<Record<string, unknown>>,
): string | null {
  if (!groupBy || groupBy.length === 0) return null;
  const parts: string[] = [];
  for (const name of groupBy) {
    const value = values[name];
    const text =
      typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
    if (text === '') return null;
    parts.push(text);
  }
  return parts.join('\u0000');
}
