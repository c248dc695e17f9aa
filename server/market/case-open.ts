// Opening a market-order case (窜货案件) from a scan outside the consignee's area: the case
// holds every unit code under the scanned code (a case code → its units; a pallet → its cases
// → their units), the consignee, where and when it was found and the evidence. It starts
// 待核实 (pending). docs/market-order.md.
import { marketCasesDataset } from '../../shared/market/datasets';
import type { MarketScanValues } from '../../shared/market/rows';
import { rowStamp } from '../sync/changes';
import type { DocNumbers } from '../sync/doc-numbers';
import type { WriteContext } from '../sync/handler';
import { mkt, type MarketCasesTable, type MarketCodesTable } from './tables';
import { unitsUnder } from './trace';

interface CaseSource {
  scanId: string;
  scan: MarketScanValues;
  code: MarketCodesTable;
  dealer: string;
}

export async function openCase(run: { ctx: WriteContext; cases: DocNumbers }, source: CaseSource) {
  const { ctx } = run;
  const units = await unitsUnder(ctx.trx, source.code);
  const id = run.cases.take();
  const row: MarketCasesTable = {
    id,
    scan_id: source.scanId,
    scanned_code: source.code.code,
    level: source.code.level,
    dealer_code: source.dealer,
    province: source.scan.province,
    city: source.scan.city ?? null,
    found_date: source.scan.scanDate,
    evidence: source.scan.evidence ?? null,
    unit_count: units.length,
    status: 'pending',
    findings: null,
    penalty: null,
    measures: null,
    ...rowStamp(ctx, 1),
  };
  await mkt(ctx.trx).insertInto('market_cases').values(row).execute();
  const rows = units.map((code) => ({
    case_id: id,
    code,
    dealer_code: source.dealer,
    change_seq: ctx.nextSeq(),
  }));
  for (let i = 0; i < rows.length; i += 200)
    await mkt(ctx.trx)
      .insertInto('market_case_units')
      .values(rows.slice(i, i + 200))
      .execute();
  const audit = { dataset: marketCasesDataset.name, recordKey: id, recordId: id, version: 1 };
  ctx.audit({ ...audit, action: 'open', before: null, after: { ...row, units } });
  return id;
}
