// Pull the 销控表 as a grid (core/estate-grid.ts lays it out): the units pulled whole — a
// project's few hundred units, far under a page — one sheet per building, and the cells written
// last time kept in the workbook's settings, so a refresh writes only the cells whose unit (or a
// total) changed; a new layout (floors, columns, language) or a deleted sheet is written whole.
// It is a view: nothing on it is pushed, and the flat `estate-units` table stays pullable.
import { z } from 'zod';
import { unitStatuses } from '../../shared/estate/unit-status';
import type { GridReport, WorkOptions } from '../app-api';
import {
  cellMemoryOf,
  changedCells,
  planGrids,
  type BuildingGrid,
  type GridCell,
  type GridUnit,
} from '../core/estate-grid';
import type { ExcelPort, GridCellWrite } from '../excel/port';
import type { UseCaseContext } from './context';
import { fetchPull } from './pull-fetch';

const GRIDS_KEY = 'salesSync.grids';

const unitSchema = z.object({
  code: z.string(),
  buildingCode: z.string(),
  entrance: z
    .string()
    .nullish()
    .transform((e) => e ?? ''),
  floor: z.number().int(),
  room: z.string(),
  listTotal: z.number().int(),
  status: z.enum(unitStatuses),
});

const memorySchema = z.record(
  z.string(),
  z.object({
    sheetName: z.string(),
    signature: z.string(),
    rowCount: z.number().int(),
    columnCount: z.number().int(),
    cells: z.record(z.string(), z.string()),
  }),
);
type GridMemory = z.infer<typeof memorySchema>;

async function readMemory(port: ExcelPort): Promise<GridMemory> {
  const raw = await port.readSettings([GRIDS_KEY]);
  const parsed = memorySchema.safeParse(raw[GRIDS_KEY]);
  return parsed.success ? parsed.data : {};
}

const writesOf = (cells: readonly { address: string; cell: GridCell }[]): GridCellWrite[] =>
  cells.map(({ address, cell }) => ({ address, value: cell.value, fill: cell.fill }));

const allOf = (grid: BuildingGrid) => [...grid.cells].map(([address, cell]) => ({ address, cell }));

/** Writes one building's grid; answers the addresses written. */
async function writeBuilding(
  ctx: UseCaseContext,
  grid: BuildingGrid,
  before: GridMemory[string] | undefined,
): Promise<string[]> {
  const same = before?.signature === grid.signature && before.sheetName === grid.sheetName;
  const cells = same ? changedCells(grid, before.cells) : allOf(grid);
  const clear =
    !same && before?.sheetName === grid.sheetName
      ? {
          rowCount: Math.max(before.rowCount, grid.rowCount),
          columnCount: Math.max(before.columnCount, grid.columnCount),
        }
      : undefined;
  const { sheetName } = grid;
  const written = await ctx.port.writeGrid({
    sheetName,
    cells: writesOf(cells),
    ...(clear ? { clear } : {}),
  });
  if (!written.created || !same) return cells.map((c) => c.address);
  // The user deleted the sheet: a diff would leave it half empty.
  const whole = allOf(grid);
  await ctx.port.writeGrid({ sheetName, cells: writesOf(whole) });
  return whole.map((c) => c.address);
}

export async function pullEstateGrid(
  ctx: UseCaseContext,
  options: WorkOptions = {},
): Promise<GridReport> {
  const fetched = await fetchPull(ctx, { dataset: 'estate-units', filter: {} }, options);
  if (fetched.cancelled) return { sheets: [], skipped: 0, cancelled: true };
  const units: GridUnit[] = [];
  let skipped = 0;
  for (const row of fetched.rows) {
    if (row.op !== 'upsert') continue;
    const parsed = unitSchema.safeParse(row.values);
    if (parsed.success) units.push(parsed.data);
    else skipped += 1;
  }
  const memory = await readMemory(ctx.port);
  const next: GridMemory = { ...memory };
  const sheets: GridReport['sheets'] = [];
  for (const grid of planGrids(units, ctx.locale())) {
    const changed = await writeBuilding(ctx, grid, memory[grid.building]);
    next[grid.building] = {
      sheetName: grid.sheetName,
      signature: grid.signature,
      rowCount: grid.rowCount,
      columnCount: grid.columnCount,
      cells: cellMemoryOf(grid),
    };
    sheets.push({
      building: grid.building,
      sheetName: grid.sheetName,
      units: grid.unitCells.size,
      released: grid.released,
      sold: grid.sold,
      sellThroughBp: grid.sellThroughBp,
      changedCells: changed,
      unitCells: Object.fromEntries(grid.unitCells),
    });
  }
  await ctx.port.writeSettings({ [GRIDS_KEY]: next });
  return { sheets, skipped, cancelled: false };
}
