// The market-order (窜货) and rebate (奖励政策) datasets. Declared once here; the server's
// handlers are in server/market/ (docs/adding-a-dataset.md, docs/market-order.md).
// Roles: the warehouse imports code lists; sales (the market assistant) records scans and
// findings; a manager confirms cases, sets penalties and confirms rebate settlements; finance
// keeps deposits and reads their balances.
import { defineDataset, type DatasetDef, type RowRule } from '../dataset-def';
import { managers, type Role } from '../roles';
import { parseAreas } from './areas';
import {
  dealerDepositPullSchema,
  dealerDepositSchema,
  depositBalanceSchema,
  marketCasePullSchema,
  marketCaseSchema,
  marketCaseUnitSchema,
} from './case-rows';
import { parseRates, rebateMethods } from './rebate';
import {
  rebatePolicySchema,
  rebateSettlementPullSchema,
  rebateSettlementSchema,
} from './rebate-rows';
import {
  dealerAreaSchema,
  label,
  marketScanPullSchema,
  marketScanSchema,
  marketSettingSchema,
  traceCodeSchema,
} from './rows';

const readers: readonly Role[] = ['admin', 'manager', 'sales', 'analyst'];
const recorders: readonly Role[] = ['admin', 'manager', 'sales'];
const finance: readonly Role[] = ['admin', 'finance'];
const depositReaders: readonly Role[] = ['admin', 'manager', 'finance', 'analyst'];

export const traceCodesDataset = defineDataset({
  name: 'trace-codes',
  label: label('追溯码', 'Trace codes'),
  push: { schema: traceCodeSchema, roles: ['admin', 'manager', 'warehouse'] },
  pull: { schema: traceCodeSchema, roles: [...readers, 'warehouse'], filters: ['dealer'] },
});

const areasReadable: RowRule = (values) =>
  typeof values.areas === 'string' && parseAreas(values.areas) === undefined
    ? [{ field: 'areas', code: 'market-areas-invalid' }]
    : [];

export const dealerAreasDataset = defineDataset({
  name: 'dealer-areas',
  label: label('经销商授权区域', 'Dealer areas'),
  push: { schema: dealerAreaSchema, roles: managers },
  pull: { schema: dealerAreaSchema, roles: readers },
  naturalKey: 'dealerCode',
  rules: [areasReadable],
});

export const marketSettingsDataset = defineDataset({
  name: 'market-settings',
  label: label('窜货设置', 'Market-order settings'),
  push: { schema: marketSettingSchema, roles: managers },
  pull: { schema: marketSettingSchema, roles: readers },
  naturalKey: 'setting',
});

export const marketScansDataset = defineDataset({
  name: 'market-scans',
  label: label('市场扫码', 'Market scans'),
  push: { schema: marketScanSchema, roles: recorders },
  pull: { schema: marketScanPullSchema, roles: readers, filters: ['dealer'] },
});

export const marketCasesDataset = defineDataset({
  name: 'market-cases',
  label: label('窜货案件', 'Market-order cases'),
  push: { schema: marketCaseSchema, roles: recorders },
  pull: { schema: marketCasePullSchema, roles: [...readers, 'finance'], filters: ['dealer'] },
});

export const marketCaseUnitsDataset = defineDataset({
  name: 'market-case-units',
  label: label('案件单品码', 'Case unit codes'),
  pull: { schema: marketCaseUnitSchema, roles: readers, filters: ['dealer'] },
});

export const dealerDepositsDataset = defineDataset({
  name: 'dealer-deposits',
  label: label('保证金流水', 'Dealer deposits'),
  push: { schema: dealerDepositSchema, roles: finance },
  pull: { schema: dealerDepositPullSchema, roles: depositReaders, filters: ['dealer'] },
});

export const depositBalancesDataset = defineDataset({
  name: 'deposit-balances',
  label: label('保证金余额', 'Deposit balances'),
  pull: { schema: depositBalanceSchema, roles: depositReaders, filters: ['dealer'] },
});

const ratesReadable: RowRule = (values) => {
  const method = rebateMethods.find((m) => m === values.method);
  if (method === undefined || typeof values.rates !== 'string') return [];
  return parseRates(values.rates, method) ? [] : [{ field: 'rates', code: 'rebate-rates-invalid' }];
};

const periodOrdered: RowRule = (values) =>
  typeof values.from === 'string' && typeof values.to === 'string' && values.to < values.from
    ? [{ field: 'to', code: 'rebate-period-reversed' }]
    : [];

export const rebatePoliciesDataset = defineDataset({
  name: 'rebate-policies',
  label: label('返利政策', 'Rebate policies'),
  push: { schema: rebatePolicySchema, roles: managers },
  pull: { schema: rebatePolicySchema, roles: [...readers, 'finance'] },
  naturalKey: 'policyCode',
  rules: [ratesReadable, periodOrdered],
});

export const rebateSettlementsDataset = defineDataset({
  name: 'rebate-settlements',
  label: label('返利结算', 'Rebate settlements'),
  push: { schema: rebateSettlementSchema, roles: managers },
  pull: { schema: rebateSettlementPullSchema, roles: [...readers, 'finance'], filters: ['dealer'] },
});

export const marketDatasets: readonly DatasetDef[] = [
  traceCodesDataset,
  dealerAreasDataset,
  marketSettingsDataset,
  marketScansDataset,
  marketCasesDataset,
  marketCaseUnitsDataset,
  dealerDepositsDataset,
  depositBalancesDataset,
  rebatePoliciesDataset,
  rebateSettlementsDataset,
];
