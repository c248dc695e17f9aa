// 信用释放's list: each order of the bound sheet over its dealer's credit limit, with the dealer's
// limit, used, this order and over-by, a checkbox to release it; after the release, each row's
// result. The flow (task-flow.tsx) owns the state; this only shows it.
import { Checkbox, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CreditHold, RowOutcome } from '../app-api';
import { useUi } from './context';
import { fill } from './strings';
import { taskStringsFor } from './task-strings';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    maxHeight: '40vh',
    overflowY: 'auto',
  },
});

interface CreditPanelProps {
  holds: readonly CreditHold[];
  ticked: ReadonlySet<string>;
  onTick: (group: string, on: boolean) => void;
  busy: boolean;
}

export function CreditHoldList({ holds, ticked, onTick, busy }: CreditPanelProps) {
  const styles = useStyles();
  const { locale } = useUi();
  const words = taskStringsFor(locale);
  return (
    <section className={styles.panel} aria-labelledby="credit-title" data-testid="credit-holds">
      <Subtitle2 as="h3" id="credit-title">
        {words.creditTitle}
      </Subtitle2>
      {holds.length === 0 ? <Text data-testid="credit-none">{words.creditNone}</Text> : null}
      <ul className={styles.list} aria-labelledby="credit-title">
        {holds.map((hold) => (
          <li key={hold.group} data-testid="credit-hold" data-order={hold.orderRef}>
            <Checkbox
              checked={ticked.has(hold.group)}
              disabled={busy}
              onChange={(_, data) => {
                onTick(hold.group, data.checked === true);
              }}
              data-testid={`credit-tick-${hold.orderRef}`}
              label={
                fill(words.creditHold, {
                  order: hold.orderRef,
                  dealer: hold.dealerCode,
                  limit: hold.limit,
                  used: hold.used,
                  thisOrder: hold.thisOrder,
                  overBy: hold.overBy,
                }) + fill(words.creditRows, { rows: hold.sheetRows.join(words.rowSeparator) })
              }
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ReleaseResults({ rows }: { rows: readonly RowOutcome[] }) {
  const styles = useStyles();
  const { locale } = useUi();
  const words = taskStringsFor(locale);
  return (
    <section className={styles.panel} aria-labelledby="released-title" data-testid="credit-results">
      <Subtitle2 as="h3" id="released-title">
        {words.releasedTitle}
      </Subtitle2>
      <ul className={styles.list} aria-labelledby="released-title">
        {rows.map((row) => (
          <li key={row.rowKey} data-testid="credit-result" data-status={row.status}>
            <Text>{fill(words.releasedRow, { row: row.sheetRow, text: row.text })}</Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
