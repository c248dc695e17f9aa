// Typed values → what a cell holds and its format (docs/protocol.md, "Values on the wire"):
// dates as Excel serial dates shown yyyy-mm-dd (date-times as serials shown yyyy-mm-dd hh:mm), money as yuan numbers shown #,##0.00, quantities
// as integers, options by their label in the user's language, codes and texts as text ('@') so
// "0012" and "=HYPERLINK(…)" stay exactly what the server holds.
import { dateTimeToSerial, dateToSerial } from '../../shared/cells';
import { isValidDate, isValidDateTime } from '../../shared/field';
import type { Locale } from '../../shared/locale';
import type { FieldDescription } from '../../shared/meta';
import { fenToYuan } from '../../shared/money';
import type { CellValue } from '../excel/port';

export function numberFormatOf(field: FieldDescription): string {
  switch (field.kind) {
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    case 'money':
      return '#,##0.00';
    case 'integer':
      return '0';
    case 'boolean':
      return 'General';
    case 'enum':
    case 'code':
    case 'text':
      return '@';
  }
}

export function isTextField(field: FieldDescription): boolean {
  return numberFormatOf(field) === '@';
}

/** Anything the server sent that is not the field's type: shown as it came, for the user to see. */
function asShown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function toCell(field: FieldDescription, value: unknown, locale: Locale): CellValue {
  if (value === undefined || value === null || value === '') return null;
  switch (field.kind) {
    case 'date':
      return typeof value === 'string' && isValidDate(value) ? dateToSerial(value) : asShown(value);
    case 'datetime':
      return typeof value === 'string' && isValidDateTime(value)
        ? dateTimeToSerial(value)
        : asShown(value);
    case 'money':
      return typeof value === 'number' ? fenToYuan(value) : asShown(value);
    case 'integer':
      return typeof value === 'number' ? value : asShown(value);
    case 'boolean':
      return typeof value === 'boolean' ? value : asShown(value);
    case 'enum': {
      const option = field.options?.find((o) => o.value === value);
      return option ? option.label[locale] : asShown(value);
    }
    case 'code':
    case 'text':
      return asShown(value);
  }
}
