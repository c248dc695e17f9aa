// The proposed column → field mapping of a bound sheet, for the user to confirm or change
// before it is saved. Missing required fields are recomputed as the user edits.
import {
  Button,
  Caption1,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Binding } from '../app-api';
import type { FieldDescription } from '../../shared/meta';
import { defaultedFields, describeDefault, missingFields } from '../core/binding';
import { useUi } from './context';
import { Message } from './message';
import { fill } from './strings';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface BindingReviewProps {
  binding: Binding;
  fields: readonly FieldDescription[];
  busy: boolean;
  onConfirm: (binding: Binding) => void;
  onCancel: () => void;
}

export function BindingReview({ binding, fields, busy, onConfirm, onCancel }: BindingReviewProps) {
  const styles = useStyles();
  const { strings, locale } = useUi();
  const [columns, setColumns] = useState(binding.columns);
  const labelOf = (name: string) => fields.find((f) => f.name === name)?.label[locale] ?? name;
  const missing = fields.length > 0 ? missingFields(columns, fields) : binding.missing;
  const defaulted = defaultedFields(columns, fields);
  const sep = locale === 'zh-CN' ? '、' : ', ';
  const choose = (index: number, field: string) => {
    setColumns((all) =>
      all.map((c, i) => (i === index ? { ...c, field: field === '' ? null : field } : c)),
    );
  };

  return (
    <section className={styles.panel} aria-labelledby="binding-title" data-testid="binding-review">
      <Subtitle2 as="h2" id="binding-title">
        {strings.bindingTitle}
      </Subtitle2>
      <Caption1>{fill(strings.bindingHint, { sheet: binding.sheetName })}</Caption1>
      <MappingTable columns={columns} fields={fields} onChoose={choose} />
      {missing.length > 0 ? (
        <Message intent="warning" testId="binding-missing">
          {fill(strings.missingFields, { fields: missing.map(labelOf).join(sep) })}
        </Message>
      ) : null}
      {defaulted.length > 0 ? (
        <Message intent="info" testId="binding-defaults">
          {fill(strings.defaultedFields, {
            fields: defaulted.map((f) => describeDefault(f, locale)).join(sep),
          })}
        </Message>
      ) : null}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => {
            onConfirm({ ...binding, columns, missing });
          }}
          data-testid="binding-confirm"
        >
          {strings.confirm}
        </Button>
        <Button disabled={busy} onClick={onCancel} data-testid="binding-cancel">
          {strings.cancel}
        </Button>
      </div>
    </section>
  );
}

interface MappingTableProps {
  columns: Binding['columns'];
  fields: readonly FieldDescription[];
  onChoose: (index: number, field: string) => void;
}

/** One row per user column, with a dropdown of the writable fields (or "not used"). */
function MappingTable({ columns, fields, onChoose }: MappingTableProps) {
  const { strings, locale } = useUi();
  const writable = fields.filter((f) => !f.readOnly);
  return (
    <Table size="small" aria-labelledby="binding-title" data-testid="binding-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{strings.yourColumn}</TableHeaderCell>
          <TableHeaderCell>{strings.field}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {columns.map((column, index) => (
          <TableRow key={`${index}:${column.header}`}>
            <TableCell>{column.header}</TableCell>
            <TableCell>
              <Select
                size="small"
                aria-label={`${strings.field}: ${column.header}`}
                value={column.field ?? ''}
                onChange={(_, d) => {
                  onChoose(index, d.value);
                }}
                data-testid={`binding-field-${index}`}
              >
                <option value="">{strings.notUsed}</option>
                {writable.map((f) => (
                  <option key={f.name} value={f.name}>
                    {f.label[locale]}
                  </option>
                ))}
              </Select>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
