// Conflicts after a push: rows someone changed on the server since this workbook last saw them.
// Each shows the differing fields, mine beside the server's, and lets the user pick a side.
import {
  Button,
  Caption1,
  Card,
  CardHeader,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ConflictInfo } from '../app-api';
import { useUi } from './context';
import { fill } from './strings';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** A value as the user would read it in a cell. */
function showValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

interface PushSummaryProps {
  conflicts: readonly ConflictInfo[];
  busy: boolean;
  /** A field's label for people, by field name. */
  labelOf: (field: string) => string;
  onResolve: (conflict: ConflictInfo, take: 'mine' | 'server') => void;
}

export function PushSummary({ conflicts, busy, labelOf, onResolve }: PushSummaryProps) {
  const styles = useStyles();
  const { strings } = useUi();
  return (
    <section className={styles.panel} aria-labelledby="conflicts-title" data-testid="conflicts">
      <Subtitle2 as="h2" id="conflicts-title">
        {strings.conflictsTitle}
      </Subtitle2>
      {conflicts.map((conflict) => (
        <ConflictCard
          key={conflict.rowKey}
          conflict={conflict}
          busy={busy}
          labelOf={labelOf}
          onResolve={onResolve}
        />
      ))}
    </section>
  );
}

function ConflictCard({
  conflict,
  busy,
  labelOf,
  onResolve,
}: Omit<PushSummaryProps, 'conflicts'> & { conflict: ConflictInfo }) {
  const styles = useStyles();
  const { strings } = useUi();
  const title = fill(strings.conflictRow, {
    row: conflict.sheetRow,
    fields: conflict.fields.map(labelOf).join(', '),
  });
  return (
    <Card size="small" data-testid="conflict" data-row-key={conflict.rowKey}>
      <CardHeader
        header={<Text weight="semibold">{title}</Text>}
        {...(conflict.message ? { description: <Caption1>{conflict.message}</Caption1> } : {})}
      />
      <Table size="extra-small" aria-label={title}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>
              <Caption1>{strings.field}</Caption1>
            </TableHeaderCell>
            <TableHeaderCell>{strings.mine}</TableHeaderCell>
            <TableHeaderCell>{strings.server}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {conflict.fields.map((field) => (
            <TableRow key={field}>
              <TableCell>{labelOf(field)}</TableCell>
              <TableCell>{showValue(conflict.mine[field])}</TableCell>
              <TableCell>{showValue(conflict.server[field])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.buttons}>
        <Button
          disabled={busy}
          onClick={() => {
            onResolve(conflict, 'mine');
          }}
          data-testid="keep-mine"
        >
          {strings.keepMine}
        </Button>
        <Button
          disabled={busy}
          onClick={() => {
            onResolve(conflict, 'server');
          }}
          data-testid="take-server"
        >
          {strings.takeServer}
        </Button>
      </div>
    </Card>
  );
}
