// Rows that stand or fall together (an order's lines, DatasetDef.groupBy) travel together or not
// at all: while one row of a group is invalid, every other row of it is held back with a reason
// naming the group and the rows to fix. Without this the valid lines of an order would be sent
// alone and accepted as a complete order. See docs/protocol.md, "Groups".
import { groupKeyOf } from '../../shared/dataset-def';
import type { Locale } from '../../shared/locale';
import { say } from './texts';
import type { CheckedRow } from './validate-rows';

interface HoldInput {
  readonly rows: readonly CheckedRow[];
  readonly groupBy: readonly string[];
  /** The sheet row a table row stands on, for the message. */
  readonly sheetRowOf: (row: number) => number;
  readonly locale: Locale;
}

/**
 * The rows to hold back: valid rows of a group with an invalid row, each made invalid with the
 * reason. Rows outside a group, and groups without an invalid row, are not returned.
 */
export function heldBackRows(input: HoldInput): CheckedRow[] {
  const { groupBy, locale } = input;
  if (groupBy.length === 0) return [];
  const badRows = new Map<string, number[]>();
  for (const row of input.rows) {
    const group = row.valid ? null : groupKeyOf(groupBy, row.parsed.values);
    if (group === null) continue;
    const list = badRows.get(group) ?? [];
    list.push(input.sheetRowOf(row.row));
    badRows.set(group, list);
  }
  if (badRows.size === 0) return [];
  const held: CheckedRow[] = [];
  for (const row of input.rows) {
    const group = row.valid ? groupKeyOf(groupBy, row.parsed.values) : null;
    const bad = group === null ? undefined : badRows.get(group);
    if (!bad) continue;
    const params = {
      group: groupBy.map((name) => String(row.parsed.values[name]).trim()).join(' / '),
      rows: bad.join(locale === 'zh-CN' ? '、' : ', '),
    };
    held.push({
      ...row,
      valid: false,
      heldBack: true,
      reasons: [say('status-held-back', params, locale)],
    });
  }
  return held;
}
