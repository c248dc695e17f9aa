// Pull "qualifications-expiry": register entries expired or expiring, as of a date. `from` is
// the as-of date (default today, Shanghai), `to` the end of the window (default 30 days after
// it): an entry whose last valid day is before the as-of date is expired; one whose last day
// falls within [as-of, to] — both ends included — is expiring. Only the latest entry of each
// holder and kind counts, so a renewed licence no longer lists its predecessor
// (docs/dealer-support.md). A computed result, paged as a snapshot.
import { addDays, daysBetween } from '../../shared/support/labels';
import { qualificationsDataset } from '../../shared/support/datasets';
import type { QualificationValues } from '../../shared/support/qualifications';
import { pageSnapshot } from '../analysis/snapshot';
import { allRecords } from '../datasets/records-store';
import { shanghaiDate } from '../sync/changes';
import { scopeFor } from './scope';
import type { PullPage, PullRequest } from '../sync/handler';

const EXPIRY_WINDOW_DAYS = 30;

export async function pullExpiry(request: PullRequest): Promise<PullPage> {
  const asOf = request.filter.from ?? shanghaiDate(request.now);
  const until = request.filter.to ?? addDays(asOf, EXPIRY_WINDOW_DAYS);
  const { dealer } = request.filter;
  const scope = await scopeFor(request.db, request.user);
  const latest = new Map<string, QualificationValues>();
  for (const record of (await allRecords(request.db, qualificationsDataset.name)).values()) {
    const v = record.values as unknown as QualificationValues;
    if (dealer && (v.holderKind !== 'dealer' || v.holderCode !== dealer)) continue;
    if (scope && v.holderKind === 'dealer' && !scope({ dealer: v.holderCode }).allowed) continue;
    const key = `${v.holderKind}/${v.holderCode}/${v.kind}`;
    const known = latest.get(key);
    if (!known || known.validTo < v.validTo) latest.set(key, v);
  }
  const rows = [...latest.values()].flatMap((v) => {
    if (v.validTo > until) return [];
    const status = v.validTo < asOf ? 'expired' : 'expiring';
    const values = {
      number: v.number,
      documentType: v.documentType,
      holderKind: v.holderKind,
      holderCode: v.holderCode,
      kind: v.kind,
      validTo: v.validTo,
      status,
      daysLeft: daysBetween(asOf, v.validTo),
      asOf,
    };
    return [{ key: v.number, values }];
  });
  return pageSnapshot(rows, request);
}
