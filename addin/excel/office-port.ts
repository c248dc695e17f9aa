// The ExcelPort over the real Office.js globals. This folder is the only code allowed to touch
// `Excel` and `Office` (docs/architecture.md, "Layers"); the operations live in office-*.ts.

import { readColumn } from './office-column';
import { writeGrid } from './office-grid';
import { setListValidation, writeHelperSheet } from './office-helper';
import { readEnvironment, readSettings, writeSettings } from './office-env';
import { clearMarks, highlightRows, markCells, selectCell } from './office-marks';
import { readRegion } from './office-read';
import { addPivot, createTemplateSheet, ensureTable } from './office-sheets';
import { writeRows } from './office-write';
import type { ExcelPort } from './port';

export function createOfficePort(): ExcelPort {
  return {
    readRegion,
    readColumn,
    ensureTable,
    writeRows,
    markCells,
    clearMarks,
    createTemplateSheet,
    addPivot,
    selectCell,
    highlightRows,
    writeGrid,
    writeHelperSheet,
    setListValidation,
    readSettings,
    writeSettings,
    readEnvironment,
  };
}
