// A labelled text input, the pane's most repeated control: one line per field in the forms.
import { Field, Input, type InputProps } from '@fluentui/react-components';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  type?: InputProps['type'];
  autoComplete?: string;
  required?: boolean;
}

export function TextField({
  label,
  value,
  onChange,
  testId,
  type,
  autoComplete,
  required,
}: TextFieldProps) {
  return (
    <Field label={label} required={required ?? false}>
      <Input
        {...(type ? { type } : {})}
        {...(autoComplete ? { autoComplete } : {})}
        value={value}
        onChange={(_, data) => {
          onChange(data.value);
        }}
        data-testid={testId}
      />
    </Field>
  );
}
