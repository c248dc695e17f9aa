// "Get from the server": pull a dataset (optionally filtered) onto its own sheet, refresh the
// active pulled sheet with only the changes, or summarise it in a PivotTable. On the
// reconciliation, finance drafts an allocations sheet from the suggestions.
import { Button, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import { useUi } from './context';
import { DatasetSelect } from './dataset-select';
import { defaultDataset, mayPush, pullableDatasets } from './datasets';
import { emptyFilter, PullFilterFields, toPullFilter, type FilterDraft } from './pull-filter';
import { usePanelStyles, type PanelProps } from './send-panel';

export function PullPanel({ meta, role, busy, actions }: PanelProps) {
  const styles = usePanelStyles();
  const { strings } = useUi();
  const datasets = pullableDatasets(meta, role);
  const [dataset, setDataset] = useState(() => defaultDataset(datasets, 'stock'));
  const [filter, setFilter] = useState<FilterDraft>(emptyFilter);
  if (datasets.length === 0) return null;

  return (
    <section className={styles.panel} aria-labelledby="get-title">
      <Subtitle2 as="h2" id="get-title">
        {strings.getTitle}
      </Subtitle2>
      <DatasetSelect
        datasets={datasets}
        value={dataset}
        onChange={setDataset}
        testId="pull-dataset"
        label={strings.pullDataset}
      />
      <PullFilterFields meta={meta} draft={filter} onChange={setFilter} />
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={busy || dataset === ''}
          onClick={() => void actions.pull(dataset, toPullFilter(filter))}
          data-testid="pull"
        >
          {strings.pull}
        </Button>
        <Button disabled={busy} onClick={() => void actions.refresh()} data-testid="refresh">
          {strings.refresh}
        </Button>
        <Button disabled={busy} onClick={() => void actions.addPivot()} data-testid="add-pivot">
          {strings.addPivot}
        </Button>
        {dataset === 'reconciliation' && mayPush(meta, 'allocations', role) && (
          <Button
            disabled={busy}
            onClick={() => void actions.prepareAllocations()}
            data-testid="prepare-allocations"
          >
            {strings.prepareAllocations}
          </Button>
        )}
      </div>
    </section>
  );
}
