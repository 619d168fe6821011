import { Select } from 'antd';

export interface ChoiceFilterProps<V extends string> {
  /** The filter's name: its aria-label, and the first option reads "<label>: <allText>". */
  readonly label: string;
  readonly allText: string;
  readonly value: V | undefined;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  /** undefined: the "all" option, the filter cleared. */
  readonly onChange: (value: V | undefined) => void;
  readonly minWidth: number;
  readonly loading?: boolean;
  readonly testId?: string;
}

/** A list filter as a select whose first option, "<label>: all", clears it. */
export function ChoiceFilter<V extends string>({ label, allText, value, options, onChange, minWidth, loading, testId }: ChoiceFilterProps<V>) {
  return (
    <Select
      aria-label={label}
      style={{ minWidth }}
      value={value ?? ''}
      loading={loading ?? false}
      onChange={(v: string) => onChange((v || undefined) as V | undefined)}
      options={[{ value: '', label: `${label}: ${allText}` }, ...options]}
      {...(testId ? { 'data-testid': testId } : {})}
    />
  );
}
