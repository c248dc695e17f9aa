// Market intelligence (同类产品渠道销售及促销状况): observations sales push, kept in `records`
// under the sheet row's key; analysts pull them by observation date and region (the region and
// every region below it). See docs/dealer-support.md.
import { marketIntelDataset } from '../../shared/support/datasets';
import { loadMasters, regionsUnder } from '../analysis/masters';
import type { DatasetHandler } from '../sync/handler';
import { gatedHandler } from './gated';

export function marketIntelHandler(): DatasetHandler {
  return gatedHandler(marketIntelDataset, {
    // An observation has no code of its own: the sheet row's key names it.
    keyOf: (_values, rowKey) => rowKey,
    placeOf: (v) => ({ region: String(v.regionCode) }),
    matches: async (request) => {
      const { from, to, region } = request.filter;
      const regions = region ? regionsUnder(await loadMasters(request.db), [region]) : null;
      return (v) => {
        const date = String(v.observedOn);
        return (
          (!from || date >= from) &&
          (!to || date <= to) &&
          (regions === null || regions.has(String(v.regionCode)))
        );
      };
    },
  });
}
