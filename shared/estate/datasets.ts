// The real-estate sales office's datasets, each declared once (docs/adding-a-dataset.md):
// projects and buildings (master data), units (the 销控表 as a flat table), the three sales
// documents, and two computed pulls: the daily sales report and 去化率. Roles map the office onto
// the existing ones: sales = 置业顾问, manager = 销售经理, finance = 财务 (docs/estate.md).
import { z } from 'zod';
import { defineDataset, type DatasetDef } from '../dataset-def';
import { field } from '../field';
import type { Label } from '../locale';
import { everyone, managers, type Role } from '../roles';
import {
  buildingSchema,
  contractPullSchema,
  contractSchema,
  holdPullSchema,
  holdSchema,
  projectSchema,
  subscriptionPullSchema,
  subscriptionSchema,
  unitPullSchema,
  unitSchema,
} from './rows';
import { estateCollectionScheduleDataset, estateCollectionsDataset } from './collections';
import {
  estateCommissionDataset,
  estateCommissionLettersDataset,
  estateCommissionRatesDataset,
  estateCommissionStatementsDataset,
} from './commission';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const sellers: readonly Role[] = ['admin', 'manager', 'sales'];
const office: readonly Role[] = ['admin', 'manager', 'sales', 'finance', 'analyst'];

const estateProjectsDataset = defineDataset({
  name: 'estate-projects',
  label: label('楼盘项目', 'Projects'),
  push: { schema: projectSchema, roles: managers },
  pull: { schema: projectSchema, roles: everyone },
  naturalKey: 'code',
  list: { nameField: 'name', attributes: ['holdDays'], unknownCode: 'estate-project-unknown' },
});

const estateBuildingsDataset = defineDataset({
  name: 'estate-buildings',
  label: label('楼栋', 'Buildings'),
  push: { schema: buildingSchema, roles: managers },
  pull: { schema: buildingSchema, roles: everyone },
  naturalKey: 'code',
  list: { nameField: 'name', unknownCode: 'estate-building-unknown' },
});

export const estateUnitsDataset = defineDataset({
  name: 'estate-units',
  label: label('房源', 'Units'),
  push: { schema: unitSchema, roles: managers },
  pull: { schema: unitPullSchema, roles: office },
  naturalKey: 'code',
});

/** Who may approve a change to a signed contract (the push option `approveChange`). */
const approvers: readonly Role[] = managers;

export const estateHoldsDataset = defineDataset({
  name: 'estate-holds',
  label: label('小订', 'Holds'),
  push: { schema: holdSchema, roles: sellers },
  pull: { schema: holdPullSchema, roles: office },
});

export const estateSubscriptionsDataset = defineDataset({
  name: 'estate-subscriptions',
  label: label('认购', 'Subscriptions'),
  push: { schema: subscriptionSchema, roles: sellers },
  pull: { schema: subscriptionPullSchema, roles: office },
});

export const estateContractsDataset = defineDataset({
  name: 'estate-contracts',
  label: label('签约', 'Contracts'),
  push: { schema: contractSchema, roles: sellers, options: { approveChange: approvers } },
  pull: { schema: contractPullSchema, roles: office },
});

const count = (zh: string, en: string) => field.integer({ label: label(zh, en) });
const amount = (zh: string, en: string) => field.money({ label: label(zh, en) });

/** 销售日报: one row per period (day, month to date, year to date) × project × consultant. */
export const dailyReportRowSchema = z.object({
  period: field.enum(
    {
      label: label('期间', 'Period'),
      options: [
        { value: 'day', label: label('当日', 'Day') },
        { value: 'month', label: label('月累计', 'Month to date') },
        { value: 'year', label: label('年累计', 'Year to date') },
      ],
    },
    ['day', 'month', 'year'],
  ),
  from: field.date({ label: label('起始日', 'From') }),
  to: field.date({ label: label('截止日', 'To') }),
  projectCode: field.code({ label: label('项目编码', 'Project code') }),
  consultant: field.code({ label: label('置业顾问', 'Consultant'), synonyms: ['*'] }),
  calls: count('来电组数', 'Calls'),
  visits: count('来访组数', 'Visits'),
  holds: count('小订套数', 'Holds'),
  subscriptions: count('认购套数', 'Subscriptions'),
  subscribedArea: count('认购面积(0.01㎡)', 'Subscribed area (0.01 m²)'),
  subscribedAmount: amount('认购金额', 'Subscribed amount'),
  contracts: count('签约套数', 'Contracts'),
  contractedArea: count('签约面积(0.01㎡)', 'Contracted area (0.01 m²)'),
  contractedAmount: amount('签约金额', 'Contracted amount'),
  cancellations: count('退订退房套数', 'Cancellations'),
  collectedAmount: amount('回款金额', 'Collected'),
});

export const estateDailyReportDataset = defineDataset({
  name: 'estate-daily-report',
  label: label('销售日报', 'Daily sales report'),
  pull: { schema: dailyReportRowSchema, roles: office, filters: ['to'] },
});

/** 去化率: per building and per project (buildingCode '*'), sold ÷ released in basis points. */
const sellThroughRowSchema = z.object({
  projectCode: field.code({ label: label('项目编码', 'Project code') }),
  buildingCode: field.code({ label: label('楼栋编码', 'Building code') }),
  units: count('总套数', 'Units'),
  released: count('已推套数', 'Released'),
  reserved: count('销控保留套数', 'Held back'),
  sold: count('已售套数', 'Sold'),
  sellThroughBp: count('去化率(万分比)', 'Sell-through (bp)'),
});

export const estateSellThroughDataset = defineDataset({
  name: 'estate-sell-through',
  label: label('去化率', 'Sell-through'),
  pull: { schema: sellThroughRowSchema, roles: office },
});

export const estateDatasets: readonly DatasetDef[] = [
  estateProjectsDataset,
  estateBuildingsDataset,
  estateUnitsDataset,
  estateHoldsDataset,
  estateSubscriptionsDataset,
  estateContractsDataset,
  estateDailyReportDataset,
  estateSellThroughDataset,
  estateCollectionsDataset,
  estateCollectionScheduleDataset,
  estateCommissionRatesDataset,
  estateCommissionStatementsDataset,
  estateCommissionDataset,
  estateCommissionLettersDataset,
];
