// "Send from this workbook": pick a dataset, get a template or bind your own sheet, validate,
// push, and later refresh the status of pushed orders.
import { Button, Checkbox, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MetaResponse } from '../../shared/meta';
import type { Role } from '../../shared/roles';
import { useUi } from './context';
import { DatasetSelect } from './dataset-select';
import { defaultDataset, mayUseOption, pushableDatasets } from './datasets';
import type { Actions } from './use-actions';

export const usePanelStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface PanelProps {
  meta: MetaResponse;
  role: Role;
  busy: boolean;
  actions: Actions;
}

export function SendPanel({ meta, role, busy, actions }: PanelProps) {
  const styles = usePanelStyles();
  const { strings } = useUi();
  const datasets = pushableDatasets(meta, role);
  const [dataset, setDataset] = useState(() => defaultDataset(datasets, 'orders'));
  const [releaseCredit, setReleaseCredit] = useState(false);
  const [overQuota, setOverQuota] = useState(false);
  if (datasets.length === 0) return null;
  const disabled = busy || dataset === '';
  // Who may release an order over the credit limit: the dataset's declared push option.
  const canRelease = mayUseOption(meta, { dataset, option: 'releaseCredit', role });
  // Who may issue samples over a dealer's quota: likewise declared (docs/dealer-support.md).
  const canOverride = mayUseOption(meta, { dataset, option: 'overQuota', role });

  return (
    <section className={styles.panel} aria-labelledby="send-title">
      <Subtitle2 as="h2" id="send-title">
        {strings.sendTitle}
      </Subtitle2>
      <DatasetSelect
        datasets={datasets}
        value={dataset}
        onChange={setDataset}
        testId="push-dataset"
        label={strings.pushDataset}
      />
      <div className={styles.buttons}>
        <Button
          disabled={disabled}
          onClick={() => void actions.insertTemplate(dataset)}
          data-testid="insert-template"
        >
          {strings.insertTemplate}
        </Button>
        <Button
          disabled={disabled}
          onClick={() => void actions.bindSelection(dataset)}
          data-testid="bind-selection"
        >
          {strings.bindSelection}
        </Button>
      </div>
      {canRelease && (
        <Checkbox
          label={strings.releaseCredit}
          checked={releaseCredit}
          onChange={(_, data) => {
            setReleaseCredit(data.checked === true);
          }}
          data-testid="release-credit"
        />
      )}
      {canOverride && (
        <Checkbox
          label={strings.overQuota}
          checked={overQuota}
          onChange={(_, data) => {
            setOverQuota(data.checked === true);
          }}
          data-testid="over-quota"
        />
      )}
      <div className={styles.buttons}>
        <Button disabled={busy} onClick={() => void actions.validate()} data-testid="validate">
          {strings.validate}
        </Button>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => {
            // One push only: the release is not left ticked for the next one.
            void actions.push({
              releaseCredit: canRelease && releaseCredit,
              overQuota: canOverride && overQuota,
            });
            setReleaseCredit(false);
            setOverQuota(false);
          }}
          data-testid="push"
        >
          {strings.push}
        </Button>
        <Button
          disabled={busy}
          onClick={() => void actions.refreshStatus()}
          data-testid="refresh-status"
        >
          {strings.refreshStatus}
        </Button>
        {dataset === 'returns' && (
          <Button
            disabled={busy}
            onClick={() => void actions.refreshDropdowns()}
            data-testid="refresh-dropdowns"
          >
            {strings.refreshDropdowns}
          </Button>
        )}
      </div>
    </section>
  );
}
