// Date-times people type in a sheet are Asia/Shanghai wall-clock times to the minute
// ('2026-11-20 14:30'); the store keeps ISO-8601 UTC (docs/protocol.md, "Values on the wire").
// Asia/Shanghai has kept one offset, UTC+8, with no daylight saving since 1991 (IANA time zone
// database, zone Asia/Shanghai), so converting is a fixed shift, the same as business dates.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM-DD HH:mm', Asia/Shanghai wall clock (checked by field.datetime's isValidDateTime). */
export const DATETIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/** The instant of a Shanghai wall-clock time, in milliseconds since the epoch. */
export function shanghaiToMs(text: string): number {
  const [, y, mo, d, h, mi] = (DATETIME_PATTERN.exec(text) ?? []).map(Number);
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined)
    return Number.NaN;
  return Date.UTC(y, mo - 1, d, h, mi) - SHANGHAI_OFFSET_MS;
}

/** '2026-11-20 14:30' (Shanghai) → '2026-11-20T06:30:00.000Z'. */
export function shanghaiToUtc(text: string): string {
  return new Date(shanghaiToMs(text)).toISOString();
}

/** An instant (ISO UTC or milliseconds) → its Shanghai wall-clock time 'YYYY-MM-DD HH:mm'. */
export function utcToShanghai(instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
