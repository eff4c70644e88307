import type { FilterValues, ListDefinition, ListState, SortOrder } from './list-types.ts';

type Definition = Pick<
  ListDefinition<unknown>,
  'entity' | 'columns' | 'defaultColumns' | 'sorts' | 'defaultSort' | 'defaultOrder' | 'filters' | 'defaultFilters'
>;

export function defaultListState(definition: Definition, columns?: readonly string[]): ListState {
  return {
    q: '',
    filters: { ...definition.defaultFilters },
    sort: definition.defaultSort,
    order: definition.defaultOrder,
    columns: columns ?? definition.defaultColumns,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Keeps only known columns, in the definition's order; never leaves the table without columns. */
export function knownColumns(definition: Definition, columns: readonly unknown[]): string[] {
  const wanted = new Set(columns.filter((column): column is string => typeof column === 'string'));
  const known = definition.columns.map((column) => column.id).filter((id) => wanted.has(id));
  return known.length > 0 ? known : [...definition.defaultColumns];
}

/**
 * A saved view's state, checked against what the list knows today: a view saved before a column
 * or filter was removed still opens, without the parts that no longer exist.
 */
export function parseViewState(definition: Definition, raw: unknown): ListState {
  const state = defaultListState(definition);
  if (!isRecord(raw)) return state;
  // A saved view says exactly which filters it has, none included.
  const filterKeys = new Set(definition.filters.map((filter) => filter.key));
  const filters: Record<string, string> = {};
  if (isRecord(raw.filters)) {
    for (const [key, value] of Object.entries(raw.filters)) {
      if (filterKeys.has(key) && typeof value === 'string' && value !== '') filters[key] = value;
    }
  }
  const sort =
    typeof raw.sort === 'string' && definition.sorts.some((option) => option.value === raw.sort)
      ? raw.sort
      : state.sort;
  const order: SortOrder = raw.order === 'asc' || raw.order === 'desc' ? raw.order : state.order;
  return {
    q: typeof raw.q === 'string' ? raw.q.slice(0, 200) : '',
    filters,
    sort,
    order,
    columns: Array.isArray(raw.columns) ? knownColumns(definition, raw.columns) : state.columns,
  };
}

/** The JSON a saved view stores. */
export function toViewState(state: ListState): Record<string, unknown> {
  return {
    q: state.q,
    filters: { ...state.filters },
    sort: state.sort,
    order: state.order,
    columns: [...state.columns],
  };
}

/** Clicking a sorted column's header flips the order; another column starts with its natural order. */
export function toggleSort(state: ListState, sort: string): Pick<ListState, 'sort' | 'order'> {
  if (state.sort === sort) return { sort, order: state.order === 'asc' ? 'desc' : 'asc' };
  return { sort, order: 'asc' };
}

export function setFilter(filters: FilterValues, key: string, value: string | null): FilterValues {
  const next = { ...filters };
  if (value === null || value === '') delete next[key];
  else next[key] = value;
  return next;
}

/** The parameters sent to the server: fixed filters win over the user's. */
export function rawQuery(state: ListState, fixed: FilterValues = {}): Record<string, unknown> {
  const query: Record<string, unknown> = { ...state.filters, ...fixed };
  if (state.q.trim()) query.q = state.q.trim();
  if (state.sort) query.sort = state.sort;
  query.order = state.order;
  return query;
}

export function sameState(a: ListState, b: ListState): boolean {
  return JSON.stringify(toViewState(a)) === JSON.stringify(toViewState(b));
}

const columnsKey = (entity: string) => `pulse.list.${entity}.columns`;

/** The column choice of this browser, per list. */
export function storedColumns(definition: Definition): string[] | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(columnsKey(definition.entity));
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? knownColumns(definition, parsed) : undefined;
  } catch {
    return undefined;
  }
}

export function storeColumns(entity: string, columns: readonly string[]): void {
  try {
    globalThis.localStorage?.setItem(columnsKey(entity), JSON.stringify(columns));
  } catch {
    // Private mode or disabled storage: the choice lasts for this page.
  }
}
