import { type ComboboxItem, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Role } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser, useUserSearch } from './use-users.ts';

interface UserPickerProps {
  label: string;
  value: string | null;
  onChange: (userId: string | null) => void;
  /** A user who may not be chosen, e.g. the person being edited as their own manager. */
  excludeId?: string;
  placeholder?: string;
  error?: string;
  /** Also offer deactivated people, e.g. when filtering history by who did something. */
  includeInactive?: boolean;
  /** Only people of this role, e.g. sales managers for a lead hand-off. */
  onlyRole?: Role;
  'data-testid'?: string;
}

/** Picks one active user by searching the server, so it works for any size of organisation. */
export function UserPicker(props: UserPickerProps) {
  const { label, value, onChange, excludeId, placeholder, error, includeInactive } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const selected = useUser(value);
  const selectedLabel = selected.data?.fullName ?? '';
  // While the box shows the chosen name, list everyone rather than only that name.
  const query = debounced === selectedLabel ? '' : debounced;
  const results = useUserSearch(query, { active: includeInactive ? 'all' : 'true', role: props.onlyRole });

  const options: ComboboxItem[] = (results.data?.items ?? [])
    .filter((user) => user.id !== excludeId)
    .map((user) => ({ value: user.id, label: user.fullName }));
  if (value && selected.data && !options.some((option) => option.value === value)) {
    const name = selected.data.active
      ? selected.data.fullName
      : t('userPicker.inactive', { name: selected.data.fullName });
    options.unshift({ value, label: name });
  }

  return (
    <Select
      label={label}
      placeholder={placeholder ?? t('userPicker.placeholder')}
      data={options}
      value={value}
      onChange={(next) => onChange(next)}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered; filtering again would hide matches on e-mail.
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.noResults')}
      error={error}
      data-testid={props['data-testid']}
    />
  );
}
