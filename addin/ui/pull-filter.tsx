// The optional filter of a pull: date range, region, dealer, category. Regions and dealers come
// from the master-data lists of meta when the server sends them, so the user picks, not types.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  Input,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ListEntry, MetaResponse } from '../../shared/meta';
import type { PullFilter } from '../../shared/protocol';
import { useUi } from './context';

const useStyles = makeStyles({
  // Two columns as wide as the pane allows: Fluent's inputs keep a 250 px minimum otherwise,
  // which made the filter 500 px wide in a 320–380 px pane.
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 130px), 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  control: { minWidth: 0, width: '100%' },
});

export type FilterDraft = Record<'from' | 'to' | 'region' | 'dealer' | 'category', string>;

export const emptyFilter: FilterDraft = { from: '', to: '', region: '', dealer: '', category: '' };

/** The filter to send: only what the user filled in, trimmed. */
export function toPullFilter(draft: FilterDraft): PullFilter {
  const filter: PullFilter = {};
  for (const [key, value] of Object.entries(draft) as [keyof FilterDraft, string][]) {
    if (value.trim() !== '') filter[key] = value.trim();
  }
  return filter;
}

interface PullFilterProps {
  meta: MetaResponse;
  draft: FilterDraft;
  onChange: (draft: FilterDraft) => void;
}

export function PullFilterFields({ meta, draft, onChange }: PullFilterProps) {
  const styles = useStyles();
  const { strings } = useUi();
  const set = (key: keyof FilterDraft) => (value: string) => {
    onChange({ ...draft, [key]: value });
  };
  return (
    <Accordion collapsible>
      <AccordionItem value="filter">
        <AccordionHeader size="small">{strings.filterTitle}</AccordionHeader>
        <AccordionPanel>
          <div className={styles.grid}>
            <Field label={strings.from}>
              <Input
                className={styles.control}
                type="date"
                value={draft.from}
                onChange={(_, d) => {
                  set('from')(d.value);
                }}
                data-testid="filter-from"
              />
            </Field>
            <Field label={strings.to}>
              <Input
                className={styles.control}
                type="date"
                value={draft.to}
                onChange={(_, d) => {
                  set('to')(d.value);
                }}
                data-testid="filter-to"
              />
            </Field>
            <ListOrText
              label={strings.region}
              list={meta.lists.regions}
              value={draft.region}
              onChange={set('region')}
              testId="filter-region"
            />
            <ListOrText
              label={strings.dealer}
              list={meta.lists.dealers}
              value={draft.dealer}
              onChange={set('dealer')}
              testId="filter-dealer"
            />
            <Field label={strings.category}>
              <Input
                className={styles.control}
                value={draft.category}
                onChange={(_, d) => {
                  set('category')(d.value);
                }}
                data-testid="filter-category"
              />
            </Field>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

interface ListOrTextProps {
  label: string;
  list: readonly ListEntry[] | undefined;
  value: string;
  onChange: (value: string) => void;
  testId: string;
}

function ListOrText({ label, list, value, onChange, testId }: ListOrTextProps) {
  const styles = useStyles();
  if (!list || list.length === 0) {
    return (
      <Field label={label}>
        <Input
          className={styles.control}
          value={value}
          onChange={(_, d) => {
            onChange(d.value);
          }}
          data-testid={testId}
        />
      </Field>
    );
  }
  return (
    <Field label={label}>
      <Select
        className={styles.control}
        value={value}
        onChange={(_, d) => {
          onChange(d.value);
        }}
        data-testid={testId}
      >
        <option value="">—</option>
        {list.map((entry) => (
          <option key={entry.code} value={entry.code}>
            {entry.code} {entry.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
