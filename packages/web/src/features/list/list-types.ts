import type { ComboboxItem } from '@mantine/core';
import type { SavedViewEntity } from '@pulse/contracts';
import type { ReactNode } from 'react';

export type SortOrder = 'asc' | 'desc';
/** Filter values as query parameters carry them: the contract's query schema parses them. */
export type FilterValues = Readonly<Record<string, string>>;

/** What a list shows: the part a saved view stores. */
export interface ListState {
  q: string;
  filters: FilterValues;
  /** One of the definition's whitelisted sorts; null when the list has only an order. */
  sort: string | null;
  order: SortOrder;
  /** Visible column ids, in the definition's order. */
  columns: readonly string[];
}

export interface ColumnDef<Row> {
  id: string;
  label: string;
  /** A CSS grid track, e.g. 'minmax(160px, 2fr)'; the table lays rows out as a grid. */
  width: string;
  /** The server sort this column's header switches to. */
  sort?: string;
  align?: 'left' | 'right';
  render(row: Row): ReactNode;
}

export interface FilterControlProps {
  label: string;
  value: string | null;
  onChange(value: string | null): void;
  testId: string;
}

export type FilterDef =
  | { key: string; label: string; kind: 'select'; options: ComboboxItem[] }
  | { key: string; label: string; kind: 'text' | 'day' | 'user' }
  /** A picker the feature provides (a company search, a pipeline's stages). */
  | { key: string; label: string; kind: 'custom'; render(props: FilterControlProps): ReactNode };

/** One page as every list endpoint answers. */
export interface ListPage<Row> {
  items: Row[];
  nextCursor: string | null;
}

/** Everything the generic list needs to know about one entity. */
export interface ListDefinition<Row> {
  entity: SavedViewEntity;
  /** Prefix of the list's data-testids: `<testId>-table`, `<testId>-row-<id>`, `<testId>-search`… */
  testId: string;
  label: string;
  columns: ColumnDef<Row>[];
  defaultColumns: readonly string[];
  sorts: readonly { value: string; label: string }[];
  defaultSort: string | null;
  defaultOrder: SortOrder;
  filters: FilterDef[];
  /** Filters a fresh list starts with (open tasks only, say). */
  defaultFilters?: FilterValues;
  /** No search box when the endpoint has no `q`. */
  searchPlaceholder?: string;
  /** Filters the page fixes (a company's contacts); neither shown nor saved in views. */
  fixed?: FilterValues;
  /** State → raw query parameters; by default q, filters, sort and order as they are. */
  toQuery?(state: ListState): Record<string, unknown>;
  /** Parses the raw parameters with the contract's query schema and fetches one page. */
  fetchPage(query: Record<string, unknown>, signal: AbortSignal): Promise<ListPage<Row>>;
  rowId(row: Row): string;
  /** Where Enter or a click on the row goes. */
  rowHref?(row: Row): string;
  /** Instead of a page, Enter or a click opens this (a dialog). */
  onOpen?(row: Row): void;
  /** Greys out archived or inactive rows. */
  isDimmed?(row: Row): boolean;
}
