// The 销控表 as a grid, pure (docs/estate.md, "The 销控表 grid in Excel"): one sheet per building,
// floors as rows (top floor first), units as columns (entrance, then the room's place on its
// floor), each unit's cell its room number and list total, filled by status colour; under the
// grid a legend and the totals — released (all but 未推), sold (认购 and beyond) and 去化率 =
// sold ÷ released (shared/estate/pricing.ts). A refresh compares the cells with those written
// last time (kept in the workbook) and writes only the cells that changed.
import { sellThroughBp } from '../../shared/estate/pricing';
import {
  soldUnitStatuses,
  unitStatuses,
  unitStatusLabels,
  type UnitStatus,
} from '../../shared/estate/unit-status';
import type { Locale } from '../../shared/locale';
import { formatYuan } from '../../shared/money';
import { cellAddress } from '../excel/a1';
import type { CellValue } from '../excel/port';

export interface GridUnit {
  readonly code: string;
  readonly buildingCode: string;
  readonly entrance: string;
  readonly floor: number;
  readonly room: string;
  /** List total in fen. */
  readonly listTotal: number;
  readonly status: UnitStatus;
}

/** Fill per status: greens for what can be sold, greys for what cannot, warm for sold. */
export const STATUS_FILLS: Readonly<Record<UnitStatus, string>> = {
  unreleased: '#D9D9D9',
  available: '#C6EFCE',
  reserved: '#FFEB9C',
  held: '#FFD966',
  subscribed: '#9BC2E6',
  contracted: '#F4B084',
  filed: '#F8CBAD',
  paid: '#C9A0DC',
};

/** What one cell holds: its value and fill (null: no fill). */
export interface GridCell {
  readonly value: CellValue;
  readonly fill: string | null;
}

export interface BuildingGrid {
  readonly building: string;
  readonly sheetName: string;
  /** Floors, columns and language: a refresh diffs cells only when this is unchanged. */
  readonly signature: string;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Every non-empty cell by address ("B3"). */
  readonly cells: ReadonlyMap<string, GridCell>;
  /** The address of each unit's cell. */
  readonly unitCells: ReadonlyMap<string, string>;
  readonly released: number;
  readonly sold: number;
  /** 去化率 in basis points, half up. */
  readonly sellThroughBp: number;
}

const words = {
  'zh-CN': {
    title: '销控表 {b}',
    floor: '楼层',
    column: '{e}单元 {p}',
    legend: '图例',
    totals: '合计',
    released: '已推',
    sold: '已售',
    rate: '去化率',
  },
  'en-US': {
    title: 'Sales control {b}',
    floor: 'Floor',
    column: 'Entr. {e} · {p}',
    legend: 'Legend',
    totals: 'Totals',
    released: 'Released',
    sold: 'Sold',
    rate: 'Sell-through',
  },
} as const;

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function gridSheetName(building: string): string {
  return `销控表-${building}`.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);
}

/** The room's place on its floor: "1201" on floor 12 is "01"; a room not led by its floor, whole. */
function placeOf(unit: GridUnit): string {
  const floor = String(unit.floor);
  return unit.room.startsWith(floor) && unit.room.length > floor.length
    ? unit.room.slice(floor.length)
    : unit.room;
}

const columnKey = (unit: GridUnit) => `${unit.entrance}\u0000${placeOf(unit)}`;
const byText = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export function percentText(bp: number): string {
  return `${(bp / 100).toFixed(2)}%`;
}

/** One building's grid. */
function planBuildingGrid(
  building: string,
  units: readonly GridUnit[],
  locale: Locale,
): BuildingGrid {
  const w = words[locale];
  const floors = [...new Set(units.map((u) => u.floor))].sort((a, b) => b - a);
  const columns = [...new Set(units.map(columnKey))].sort(byText);
  const cells = new Map<string, GridCell>();
  const unitCells = new Map<string, string>();
  const put = (row: number, column: number, value: CellValue, fill: string | null = null) => {
    cells.set(cellAddress(row, column), { value, fill });
  };
  put(0, 0, w.title.replace('{b}', building));
  put(1, 0, w.floor);
  columns.forEach((key, i) => {
    const [entrance = '', place = ''] = key.split('\u0000');
    put(
      1,
      i + 1,
      entrance === '' ? place : w.column.replace('{e}', entrance).replace('{p}', place),
    );
  });
  floors.forEach((floor, r) => {
    put(r + 2, 0, floor);
  });
  for (const unit of units) {
    const row = floors.indexOf(unit.floor) + 2;
    const column = columns.indexOf(columnKey(unit)) + 1;
    put(row, column, `${unit.room} ¥${formatYuan(unit.listTotal)}`, STATUS_FILLS[unit.status]);
    unitCells.set(unit.code, cellAddress(row, column));
  }
  const legendRow = floors.length + 3;
  put(legendRow, 0, w.legend);
  unitStatuses.forEach((status, i) => {
    put(legendRow, i + 1, unitStatusLabels[status][locale], STATUS_FILLS[status]);
  });
  const released = units.filter((u) => u.status !== 'unreleased').length;
  const sold = units.filter((u) => soldUnitStatuses.has(u.status)).length;
  const rate = sellThroughBp(sold, released);
  const totals: CellValue[] = [w.totals, w.released, released, w.sold, sold, w.rate];
  totals.forEach((value, i) => {
    put(legendRow + 1, i, value);
  });
  put(legendRow + 1, totals.length, percentText(rate));
  return {
    building,
    sheetName: gridSheetName(building),
    signature: JSON.stringify([locale, floors, columns]),
    rowCount: legendRow + 2,
    columnCount: Math.max(columns.length + 1, unitStatuses.length + 1, totals.length + 1),
    cells,
    unitCells,
    released,
    sold,
    sellThroughBp: rate,
  };
}

/** One grid per building, by building code. */
export function planGrids(units: readonly GridUnit[], locale: Locale): BuildingGrid[] {
  const buildings = [...new Set(units.map((u) => u.buildingCode))].sort(byText);
  return buildings.map((b) =>
    planBuildingGrid(
      b,
      units.filter((u) => u.buildingCode === b),
      locale,
    ),
  );
}

/** What a cell held when written: its value and fill, as kept in the workbook's settings. */
type CellMemory = Record<string, string>;

const memoryText = (cell: GridCell) => JSON.stringify([cell.value, cell.fill]);

export function cellMemoryOf(grid: BuildingGrid): CellMemory {
  return Object.fromEntries([...grid.cells].map(([address, cell]) => [address, memoryText(cell)]));
}

/** Cells whose value or fill differ from what was written last time (cleared cells included). */
export function changedCells(
  grid: BuildingGrid,
  before: CellMemory,
): { address: string; cell: GridCell }[] {
  const changed: { address: string; cell: GridCell }[] = [];
  for (const [address, cell] of grid.cells)
    if (before[address] !== memoryText(cell)) changed.push({ address, cell });
  for (const address of Object.keys(before))
    if (!grid.cells.has(address)) changed.push({ address, cell: { value: null, fill: null } });
  return changed;
}
