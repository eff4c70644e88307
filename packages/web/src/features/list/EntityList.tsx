import { ActionIcon, Badge, Button, Collapse, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { SavedView } from '@pulse/contracts';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { QueryError } from '../../shared/QueryError.tsx';
import { ColumnChooser } from './ColumnChooser.tsx';
import { FilterBar } from './FilterBar.tsx';
import {
  defaultListState,
  parseViewState,
  sameState,
  setFilter,
  storeColumns,
  storedColumns,
  toggleSort,
} from './list-state.ts';
import type { FilterValues, ListDefinition, ListState } from './list-types.ts';
import { SavedViewsMenu } from './SavedViewsMenu.tsx';
import { useEntityList } from './use-entity-list.ts';
import { VirtualTable } from './VirtualTable.tsx';

function filtersFrom(params: URLSearchParams, definition: ListDefinition<unknown>): FilterValues {
  const keys = new Set(definition.filters.map((filter) => filter.key));
  const fromUrl = [...params.entries()].filter(([key, value]) => keys.has(key) && value !== '');
  return fromUrl.length > 0 ? Object.fromEntries(fromUrl) : { ...definition.defaultFilters };
}

interface EntityListProps<Row> {
  definition: ListDefinition<Row>;
  /** Height of the scroll box; the page's own by default. */
  height?: string;
  /** Embedded lists (a company's deals) have no saved views or column chooser. */
  compact?: boolean;
  /** Extra controls at the end of the toolbar. */
  actions?: ReactNode;
}

/**
 * The list every entity uses: server-side search, filters and sort, cursor pages loaded while
 * scrolling, a column chooser remembered per browser, and saved views stored on the server.
 */
export function EntityList<Row>({ definition, height, compact, actions }: EntityListProps<Row>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // A link may open a list filtered (?stageId=…&status=open): only known filters are taken.
  const [state, setState] = useState<ListState>(() => ({
    ...defaultListState(definition, storedColumns(definition)),
    filters: compact ? { ...definition.defaultFilters } : filtersFrom(params, definition),
  }));
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [view, setView] = useState<SavedView | null>(null);
  const [showFilters, setShowFilters] = useState(() => params.size > 0 && Object.keys(state.filters).length > 0);
  const activeFilters = definition.filters.filter((filter) => state.filters[filter.key]).length;
  const { list, rows } = useEntityList(definition, state, q);

  const current: ListState = { ...state, q: search.trim() };
  const modified = view !== null && !sameState(parseViewState(definition, view.state), current);
  const visibleColumns = useMemo(
    () => definition.columns.filter((column) => state.columns.includes(column.id)),
    [definition.columns, state.columns],
  );
  const patch = (changes: Partial<ListState>) => setState((previous) => ({ ...previous, ...changes }));

  function pickView(next: SavedView | null) {
    setView(next);
    const nextState = next ? parseViewState(definition, next.state) : defaultListState(definition, state.columns);
    setState(nextState);
    setSearch(nextState.q);
    if (Object.keys(nextState.filters).length > 0) setShowFilters(true);
  }

  function setColumns(columns: string[]) {
    patch({ columns });
    storeColumns(definition.entity, columns);
  }

  const { rowHref, onOpen } = definition;
  const open = onOpen ?? (rowHref ? (row: Row) => void navigate(rowHref(row)) : undefined);
  const { testId } = definition;

  return (
    <Stack gap="sm">
      {!compact && (
        <Group gap="sm" align="flex-end" wrap="wrap">
          {definition.searchPlaceholder && (
            <TextInput
              label={t('common.search')}
              placeholder={definition.searchPlaceholder}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              type="search"
              w={260}
              data-testid={`${testId}-search`}
            />
          )}
          {definition.filters.length > 0 && (
            <Button
              variant={showFilters ? 'light' : 'default'}
              onClick={() => setShowFilters((shown) => !shown)}
              aria-expanded={showFilters}
              rightSection={
                activeFilters > 0 ? (
                  <Badge size="sm" circle>
                    {activeFilters}
                  </Badge>
                ) : undefined
              }
              data-testid={`${testId}-filters-toggle`}
            >
              {t('list.filters')}
            </Button>
          )}
          {definition.sorts.length > 0 && (
            <Select
              label={t('list.sort')}
              data={[...definition.sorts]}
              value={state.sort}
              onChange={(value) => value && patch({ sort: value })}
              allowDeselect={false}
              w={180}
              data-testid={`${testId}-sort`}
            />
          )}
          <ActionIcon
            variant="default"
            size="input-sm"
            onClick={() => patch({ order: state.order === 'asc' ? 'desc' : 'asc' })}
            aria-label={state.order === 'asc' ? t('list.ascending') : t('list.descending')}
            title={state.order === 'asc' ? t('list.ascending') : t('list.descending')}
            data-testid={`${testId}-order`}
          >
            {state.order === 'asc' ? '↑' : '↓'}
          </ActionIcon>
          <Group gap="xs" ml="auto" align="flex-end">
            {actions}
            {!compact && (
              <>
                <ColumnChooser
                  testId={testId}
                  columns={definition.columns}
                  visible={state.columns}
                  defaults={definition.defaultColumns}
                  onChange={setColumns}
                />
                <SavedViewsMenu
                  entity={definition.entity}
                  testId={testId}
                  state={current}
                  current={view}
                  modified={modified}
                  onPick={pickView}
                />
              </>
            )}
          </Group>
        </Group>
      )}
      {!compact && (
        <Collapse expanded={showFilters}>
          <Group gap="sm" align="flex-end" wrap="wrap" data-testid={`${testId}-filters`}>
            <FilterBar
              testId={testId}
              filters={definition.filters}
              values={state.filters}
              onChange={(key, value) => patch({ filters: setFilter(state.filters, key, value) })}
              onClear={() => patch({ filters: {} })}
            />
          </Group>
        </Collapse>
      )}
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <VirtualTable
          testId={testId}
          label={definition.label}
          columns={visibleColumns}
          rows={rows}
          rowId={definition.rowId}
          isDimmed={definition.isDimmed}
          sort={state.sort}
          order={state.order}
          onSort={(sort) => patch(toggleSort(state, sort))}
          loading={list.isPending || list.isPlaceholderData}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={() => void list.fetchNextPage()}
          onOpen={open}
          emptyText={t('list.empty')}
          height={height}
        />
      )}
      <Text size="xs" c="dimmed" aria-live="polite" data-testid={`${testId}-count`}>
        {list.hasNextPage ? t('list.loadedMore', { count: rows.length }) : t('list.loaded', { count: rows.length })}
      </Text>
    </Stack>
  );
}
