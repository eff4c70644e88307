import { type ComboboxItem, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface SearchPickerProps<T> {
  /** Cache key of the searched resource, e.g. 'companies'. */
  resource: string;
  label?: string;
  placeholder?: string;
  value: string | null;
  onChange(id: string | null, item: T | null): void;
  search(q: string, signal: AbortSignal): Promise<T[]>;
  /** The chosen record, to show its name before any search. */
  resolve(id: string, signal: AbortSignal): Promise<T>;
  toOption(item: T): ComboboxItem;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  clearable?: boolean;
  w?: number | string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/** Picks one record by searching the server, so it works for any number of records. */
export function SearchPicker<T>(props: SearchPickerProps<T>) {
  const { resource, value, search, resolve, toOption, onChange } = props;
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const selected = useQuery({
    queryKey: [resource, 'pick-one', value],
    queryFn: ({ signal }) => resolve(value ?? '', signal),
    enabled: Boolean(value),
    staleTime: 60_000,
    retry: false,
  });
  const selectedLabel = selected.data ? toOption(selected.data).label : '';
  // While the box shows the chosen name, list everything rather than that name alone.
  const q = debounced === selectedLabel ? '' : debounced;
  const results = useQuery({
    queryKey: [resource, 'pick', q],
    queryFn: ({ signal }) => search(q, signal),
    placeholderData: (previous) => previous,
    staleTime: 30_000,
  });
  const items = results.data ?? [];
  const options = items.map(toOption);
  if (value && selected.data && !options.some((option) => option.value === value)) {
    options.unshift(toOption(selected.data));
  }
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder ?? t('picker.placeholder')}
      data={options}
      value={value}
      onChange={(id) => {
        const item = items.find((candidate) => toOption(candidate).value === id) ?? null;
        onChange(id, item ?? (id && id === value ? (selected.data ?? null) : null));
      }}
      searchable
      clearable={props.clearable ?? true}
      searchValue={text}
      onSearchChange={setText}
      // The server already searched (names, INN, phones); filtering again would hide those matches.
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.noResults')}
      error={props.error}
      required={props.required}
      disabled={props.disabled}
      w={props.w}
      comboboxProps={{ withinPortal: true }}
      aria-label={props['aria-label']}
      data-testid={props['data-testid']}
    />
  );
}
