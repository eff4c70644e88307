import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from './list-types.ts';

interface ColumnChooserProps {
  testId: string;
  columns: readonly Pick<ColumnDef<unknown>, 'id' | 'label'>[];
  visible: readonly string[];
  defaults: readonly string[];
  onChange(columns: string[]): void;
}

/** Checkboxes for the columns of a list; at least one stays visible. */
export function ColumnChooser({ testId, columns, visible, defaults, onChange }: ColumnChooserProps) {
  const { t } = useTranslation();
  const shown = new Set(visible);
  function toggle(id: string, on: boolean) {
    const next = columns.map((column) => column.id).filter((column) => (column === id ? on : shown.has(column)));
    if (next.length > 0) onChange(next);
  }
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button variant="default" data-testid={`${testId}-columns`}>
          {t('list.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          {columns.map((column) => (
            <Checkbox
              key={column.id}
              label={column.label}
              checked={shown.has(column.id)}
              disabled={shown.has(column.id) && shown.size === 1}
              onChange={(event) => toggle(column.id, event.currentTarget.checked)}
              data-testid={`${testId}-column-${column.id}`}
            />
          ))}
          <Button size="xs" variant="subtle" onClick={() => onChange([...defaults])}>
            {t('list.defaultColumns')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
