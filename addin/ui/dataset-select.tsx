// A labelled dataset picker. A native <select> (Fluent's Select) because it is keyboard-usable
// everywhere, including the Office hosts' embedded browsers, without extra focus handling.
import { Field, Select } from '@fluentui/react-components';
import type { DatasetDescription } from '../../shared/meta';
import { useUi } from './context';

interface DatasetSelectProps {
  datasets: readonly DatasetDescription[];
  value: string;
  onChange: (dataset: string) => void;
  testId: string;
  /** The field's label: each picker says what it picks for (send or get). */
  label: string;
}

export function DatasetSelect({ datasets, value, onChange, testId, label }: DatasetSelectProps) {
  const { locale } = useUi();
  return (
    <Field label={label}>
      <Select
        value={value}
        onChange={(_, data) => {
          onChange(data.value);
        }}
        data-testid={testId}
      >
        {datasets.map((d) => (
          <option key={d.name} value={d.name}>
            {d.label[locale]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
