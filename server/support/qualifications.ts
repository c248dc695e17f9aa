// The contracts and qualifications register (合同与资质) and the per-category licence settings,
// both kept in `records`. The register's dealer-held entries are mirrored, by row key, into
// `dealer_licences` in the same transaction, so the order check reads only the batch's dealers
// (docs/dealer-support.md, "Contracts and qualifications").
import { licenceRequirementsDataset, qualificationsDataset } from '../../shared/support/datasets';
import type { QualificationValues } from '../../shared/support/qualifications';
import type { RowProblem } from '../../shared/row-errors';
import { recordsById } from '../datasets/records-store';
import type { DatasetHandler, WriteContext } from '../sync/handler';
import type { GateResult } from '../analysis/gate';
import { gatedHandler } from './gated';

type Values = Record<string, unknown>;

async function holderChecks(ctx: WriteContext, upserts: readonly { values: Values }[]) {
  const codes = (kind: string) =>
    upserts.flatMap((m) => (m.values.holderKind === kind ? [String(m.values.holderCode)] : []));
  const dealers = await recordsById(ctx.trx, 'dealers', codes('dealer'));
  const products = await recordsById(ctx.trx, 'products', codes('product'));
  return (values: Values): RowProblem[] => {
    const known = values.holderKind === 'dealer' ? dealers : products;
    const code = String(values.holderCode);
    const record = known.get(code);
    return record && !record.deleted
      ? []
      : [{ field: 'holderCode', code: 'support-holder-unknown', params: { value: code } }];
  };
}

/** Keeps `dealer_licences` equal to the register's live dealer-held entries. */
async function mirrorLicences(ctx: WriteContext, result: GateResult<Values>) {
  const keys = result.applied.map(([m]) => m.rowKey);
  if (keys.length === 0) return;
  await ctx.trx.deleteFrom('dealer_licences').where('row_key', 'in', keys).execute();
  const rows = result.applied.flatMap(([m]) => {
    if (m.op !== 'upsert' || m.values.holderKind !== 'dealer') return [];
    const v = m.values as unknown as QualificationValues;
    return [
      {
        row_key: m.rowKey,
        number: v.number,
        dealer_code: v.holderCode,
        kind: v.kind,
        valid_from: v.validFrom,
        valid_to: v.validTo,
      },
    ];
  });
  for (let i = 0; i < rows.length; i += 100)
    await ctx.trx
      .insertInto('dealer_licences')
      .values(rows.slice(i, i + 100))
      .execute();
}

export function qualificationsHandler(): DatasetHandler {
  return gatedHandler(qualificationsDataset, {
    checks: holderChecks,
    placeOf: (v) => (v.holderKind === 'dealer' ? { dealer: String(v.holderCode) } : {}),
    after: mirrorLicences,
    matches: (request) => {
      const { dealer } = request.filter;
      return Promise.resolve(
        (v: Values) => !dealer || (v.holderKind === 'dealer' && v.holderCode === dealer),
      );
    },
  });
}

export function licenceRequirementsHandler(): DatasetHandler {
  return gatedHandler(licenceRequirementsDataset);
}
