import { Button, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserPicker } from '../people/UserPicker.tsx';
import type { FilterDef, FilterValues } from './list-types.ts';

interface FilterBarProps {
  testId: string;
  filters: readonly FilterDef[];
  values: FilterValues;
  onChange(key: string, value: string | null): void;
  onClear(): void;
}

/** The server-side filters of a list, one control each. */
export function FilterBar({ testId, filters, values, onChange, onClear }: FilterBarProps) {
  const { t } = useTranslation();
  const active = filters.filter((filter) => values[filter.key]).length;
  return (
    <>
      {filters.map((filter) => (
        <FilterControl
          key={filter.key}
          filter={filter}
          value={values[filter.key] ?? null}
          onChange={(value) => onChange(filter.key, value)}
          testId={`${testId}-filter-${filter.key}`}
        />
      ))}
      {active > 0 && (
        <Button variant="subtle" onClick={onClear} data-testid={`${testId}-filters-clear`}>
          {t('list.clearFilters', { count: active })}
        </Button>
      )}
    </>
  );
}

function FilterControl({
  filter,
  value,
  onChange,
  testId,
}: {
  filter: FilterDef;
  value: string | null;
  onChange(value: string | null): void;
  testId: string;
}) {
  const { t } = useTranslation();
  switch (filter.kind) {
    case 'select':
      return (
        <Select
          label={filter.label}
          placeholder={t('list.any')}
          data={filter.options}
          value={value}
          onChange={onChange}
          clearable
          w={180}
          comboboxProps={{ withinPortal: true }}
          data-testid={testId}
        />
      );
    case 'user':
      return (
        <div style={{ width: 200 }}>
          <UserPicker
            label={filter.label}
            placeholder={t('list.anyone')}
            value={value}
            onChange={onChange}
            includeInactive
            data-testid={testId}
          />
        </div>
      );
    case 'day':
      return (
        <TextInput
          label={filter.label}
          type="date"
          value={value ?? ''}
          onChange={(event) => onChange(event.currentTarget.value || null)}
          w={160}
          data-testid={testId}
        />
      );
    case 'text':
      return <DebouncedText label={filter.label} value={value} onChange={onChange} testId={testId} />;
    case 'custom':
      return filter.render({ label: filter.label, value, onChange, testId });
  }
}

/** Free text applied once typing pauses, so every key press is not a request. */
function DebouncedText({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string | null;
  onChange(value: string | null): void;
  testId: string;
}) {
  const [text, setText] = useState(value ?? '');
  // "Clear filters" and a picked view reset the box from outside.
  useEffect(() => {
    setText(value ?? '');
  }, [value]);
  const apply = useDebouncedCallback((next: string) => onChange(next.trim() || null), 400);
  return (
    <TextInput
      label={label}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        apply(event.currentTarget.value);
      }}
      w={160}
      data-testid={testId}
    />
  );
}
