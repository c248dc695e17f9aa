// The 补货 order step's two choices (docs/sell-out.md, "From suggestions to a 补货 order"): the
// dealer for locations that name none — from meta's dealer list, which holds only the user's
// regions' active dealers — and the ship-from, by default each suggestion's own location.
import { Caption1, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { MetaResponse } from '../../shared/meta';
import { useUi } from './context';
import { taskStringsFor } from './task-strings';

export interface ReorderPick {
  dealerCode: string;
  shipFrom: string;
}

export const noPick: ReorderPick = { dealerCode: '', shipFrom: '' };

/** What the use case takes: only what the user chose. */
export function reorderInput(pick: ReorderPick): { dealerCode?: string; shipFrom?: string } {
  return {
    ...(pick.dealerCode === '' ? {} : { dealerCode: pick.dealerCode }),
    ...(pick.shipFrom === '' ? {} : { shipFrom: pick.shipFrom }),
  };
}

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 130px), 1fr))',
    gap: tokens.spacingHorizontalS,
    width: '100%',
  },
  hint: { gridColumn: '1 / -1' },
  control: { minWidth: 0, width: '100%' },
});

interface ReorderChoiceProps {
  meta: MetaResponse;
  pick: ReorderPick;
  busy: boolean;
  onChange: (pick: ReorderPick) => void;
}

export function ReorderChoice({ meta, pick, busy, onChange }: ReorderChoiceProps) {
  const styles = useStyles();
  const { locale } = useUi();
  const words = taskStringsFor(locale);
  return (
    <div className={styles.grid}>
      <Field label={words.reorderDealer}>
        <Select
          className={styles.control}
          value={pick.dealerCode}
          disabled={busy}
          onChange={(_, d) => {
            onChange({ ...pick, dealerCode: d.value });
          }}
          data-testid="reorder-dealer"
        >
          <option value="">—</option>
          {(meta.lists.dealers ?? []).map((entry) => (
            <option key={entry.code} value={entry.code}>
              {entry.code} {entry.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={words.reorderShipFrom}>
        <Select
          className={styles.control}
          value={pick.shipFrom}
          disabled={busy}
          onChange={(_, d) => {
            onChange({ ...pick, shipFrom: d.value });
          }}
          data-testid="reorder-ship-from"
        >
          <option value="">{words.reorderAsSuggested}</option>
          {(meta.lists.locations ?? []).map((entry) => (
            <option key={entry.code} value={entry.code}>
              {entry.code} {entry.name}
            </option>
          ))}
        </Select>
      </Field>
      <Caption1 className={styles.hint}>{words.reorderDealerHint}</Caption1>
    </div>
  );
}
