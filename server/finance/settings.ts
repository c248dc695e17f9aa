// The finance settings record (dataset "finance-settings", kept in `records` like master data):
// the deposit share per dealer grade and the write-off tolerance. Unset values keep the shared
// defaults — grade C pays 30% before shipment; write-offs up to ¥5 and 0.1% of the item.
import { defaultTolerance, type Tolerance } from '../../shared/finance/allocation';
import { defaultDepositPolicy, type DepositPolicy } from '../../shared/finance/credit';
import { allRecords } from '../datasets/records-store';
import type { Db } from '../store/db';

interface FinanceSettings {
  depositPolicy: DepositPolicy;
  tolerance: Tolerance;
}

export async function loadFinanceSettings(db: Db): Promise<FinanceSettings> {
  const records = await allRecords(db, 'finance-settings');
  const value = (name: string): number | undefined => {
    const raw = records.get(name)?.values.value;
    return typeof raw === 'number' ? raw : undefined;
  };
  const depositPolicy: DepositPolicy = { ...defaultDepositPolicy };
  for (const grade of ['A', 'B', 'C']) {
    const percent = value(`deposit-percent-${grade}`);
    if (percent !== undefined) depositPolicy[grade] = percent / 100;
  }
  const maxFen = value('tolerance-max-fen') ?? defaultTolerance.maxFen;
  const perMille = value('tolerance-per-mille');
  const maxRatio = perMille === undefined ? defaultTolerance.maxRatio : perMille / 1000;
  const tolerance: Tolerance = {
    ...(maxFen === undefined ? {} : { maxFen }),
    ...(maxRatio === undefined ? {} : { maxRatio }),
  };
  return { depositPolicy, tolerance };
}
