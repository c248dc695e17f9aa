// The order check's licence rule (docs/dealer-support.md, "Contracts and qualifications"): a
// new order line for a product whose category needs a licence kind is refused when the dealer
// holds no licence of that kind valid on the order date (shared/support/qualifications.ts
// `licenceProblem`). Loaded once per orders push: the category settings (one small read), and
// only when some category needs a licence, the batch's dealers' licences by dealer code.
import { licenceRequirementsDataset } from '../../shared/support/datasets';
import { licenceProblem, type HeldLicence } from '../../shared/support/qualifications';
import type { RowProblem } from '../../shared/row-errors';
import { allRecords, type StoredRecord } from '../datasets/records-store';
import type { Db } from '../store/db';

export interface LicenceBook {
  /** Category → the licence kind its products need. */
  required: Map<string, string>;
  held: Map<string, HeldLicence[]>;
}

/** The dataset of category settings, which an orders push reads with its master data. */
export const licenceSettings = licenceRequirementsDataset.name;

/** `settings`: the live records of `licenceSettings`, when the caller read them already. */
export async function loadLicenceBook(
  db: Db,
  dealers: readonly string[],
  settings?: ReadonlyMap<string, StoredRecord>,
): Promise<LicenceBook> {
  const required = new Map<string, string>();
  for (const record of (settings ?? (await allRecords(db, licenceSettings))).values())
    required.set(String(record.values.category), String(record.values.licenceKind));
  const held = new Map<string, HeldLicence[]>();
  const codes = [...new Set(dealers)];
  if (required.size === 0 || codes.length === 0) return { required, held };
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('dealer_licences')
      .selectAll()
      .where('dealer_code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      const list = held.get(row.dealer_code) ?? [];
      list.push({
        number: row.number,
        kind: row.kind,
        validFrom: row.valid_from,
        validTo: row.valid_to,
      });
      held.set(row.dealer_code, list);
    }
  }
  return { required, held };
}

/** The refusal of a new line, if its product's category needs a licence the dealer lacks. */
export function licenceLineProblems(
  book: LicenceBook,
  line: { dealerCode: string; orderDate: string; category: string | undefined },
): RowProblem[] {
  const kind = line.category === undefined ? undefined : book.required.get(line.category);
  if (kind === undefined) return [];
  const problem = licenceProblem(kind, book.held.get(line.dealerCode) ?? [], line.orderDate);
  return problem ? [problem] : [];
}
