import { Loader, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef, SortOrder } from './list-types.ts';
import { VirtualRow } from './VirtualRow.tsx';

/** Every row has the same height, so the virtualiser never measures and 100,000 rows scroll evenly. */
export const ROW_HEIGHT = 40;
/** Rows before the end at which the next page is requested. */
const PREFETCH_ROWS = 30;

interface VirtualTableProps<Row> {
  testId: string;
  label: string;
  columns: readonly ColumnDef<Row>[];
  rows: readonly Row[];
  rowId(row: Row): string;
  isDimmed?(row: Row): boolean;
  sort: string | null;
  order: SortOrder;
  onSort(sort: string): void;
  loading: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): void;
  /** Opens a row: a click, or Enter on the active row. */
  onOpen?(row: Row): void;
  emptyText: string;
  height?: string;
}

/** Where a key moves the active row: an index, 'open' for Enter, or null for keys the grid ignores. */
function keyTarget(key: string, active: number, page: number, count: number): number | 'open' | null {
  switch (key) {
    case 'ArrowDown':
      return active + 1;
    case 'ArrowUp':
      return active - 1;
    case 'PageDown':
      return active + page;
    case 'PageUp':
      return active - page;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'Enter':
      return 'open';
    default:
      return null;
  }
}

const cellStyle: CSSProperties = { overflow: 'hidden', minWidth: 0, whiteSpace: 'nowrap', textOverflow: 'ellipsis' };

/**
 * A grid of rows where only those in view exist in the DOM. The grid itself takes the focus and
 * moves an active row with the arrow keys, Page Up/Down, Home and End; Enter opens it.
 */
export function VirtualTable<Row>(props: VirtualTableProps<Row>) {
  const { testId, label, columns, rows, rowId, sort, order, onSort, hasNextPage, isFetchingNextPage } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const virtualizer = useVirtualizer({
    count: rows.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // The sticky header sits above the rows inside the same scroll box.
    scrollMargin: ROW_HEIGHT,
    scrollPaddingStart: ROW_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  const { fetchNextPage } = props;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - PREFETCH_ROWS) fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // A new filter brings new rows: the active row starts over.
  const firstId = rows[0] ? rowId(rows[0]) : '';
  useEffect(() => {
    if (firstId !== undefined) setActive(-1);
  }, [firstId]);

  const template = columns.map((column) => column.width).join(' ');
  const rowStyle: CSSProperties = {
    display: 'grid',
    gridTemplateColumns: template,
    alignItems: 'center',
    columnGap: 12,
    paddingInline: 12,
    height: ROW_HEIGHT,
    borderBottom: '1px solid var(--mantine-color-gray-2)',
  };

  function moveTo(index: number) {
    if (rows.length === 0) return;
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const target = keyTarget(event.key, active, page, rows.length);
    if (target === null) return;
    event.preventDefault();
    if (target === 'open') {
      const row = rows[active];
      if (row && props.onOpen) props.onOpen(row);
      return;
    }
    moveTo(target);
  }

  // Stable across renders so memoised rows do not re-render; it reads the latest props through a ref.
  const openRef = useRef(props.onOpen);
  openRef.current = props.onOpen;
  const onRowClick = useCallback((event: MouseEvent, index: number, row: Row) => {
    setActive(index);
    // Links, buttons and checkboxes inside a row do their own thing.
    if (event.target instanceof Element && event.target.closest('a, button, input')) return;
    openRef.current?.(row);
  }, []);

  const empty = rows.length === 0;
  return (
    <div
      ref={scrollRef}
      style={{
        height: props.height ?? 'calc(100dvh - 280px)',
        minHeight: 320,
        overflow: 'auto',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 8,
      }}
    >
      {/* A real table laid out as a grid, so rows can be positioned for virtualisation while
          assistive technology still gets table semantics; the table itself holds the focus. */}
      <table
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a WAI-ARIA grid, the keyboard moves an active row
        role="grid"
        aria-label={label}
        aria-rowcount={hasNextPage ? -1 : rows.length + 1}
        aria-activedescendant={active >= 0 ? `${testId}-row-${active}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (active < 0 && !empty) setActive(0);
        }}
        data-testid={`${testId}-table`}
        style={{
          display: 'grid',
          minWidth: 'max-content',
          width: '100%',
          borderCollapse: 'collapse',
          outlineOffset: -2,
        }}
      >
        <thead style={{ display: 'grid', position: 'sticky', top: 0, zIndex: 1 }}>
          <tr aria-rowindex={1} style={{ ...rowStyle, background: 'var(--mantine-color-gray-0)' }}>
            {columns.map((column) => (
              <th
                key={column.id}
                scope="col"
                aria-sort={
                  column.sort && sort === column.sort ? (order === 'asc' ? 'ascending' : 'descending') : undefined
                }
                style={{ ...cellStyle, textAlign: column.align ?? 'left' }}
              >
                {column.sort ? (
                  <UnstyledButton
                    display="block"
                    maw="100%"
                    onClick={() => column.sort && onSort(column.sort)}
                    data-testid={`${testId}-sort-${column.id}`}
                    tabIndex={-1}
                  >
                    <Text size="sm" fw={600} truncate>
                      {column.label}
                      {sort === column.sort ? (order === 'asc' ? ' ▲' : ' ▼') : ''}
                    </Text>
                  </UnstyledButton>
                ) : (
                  <Text size="sm" fw={600} truncate>
                    {column.label}
                  </Text>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody
          style={{ display: 'grid', position: 'relative', height: empty ? undefined : virtualizer.getTotalSize() }}
        >
          {empty ? (
            <tr style={{ display: 'flex', padding: 24 }}>
              <td>
                {props.loading ? (
                  <Loader size="sm" aria-label={t('common.loading')} />
                ) : (
                  <Text c="dimmed" data-testid={`${testId}-empty`}>
                    {props.emptyText}
                  </Text>
                )}
              </td>
            </tr>
          ) : (
            items.map((item) => {
              const row = rows[item.index];
              const position: CSSProperties = {
                ...rowStyle,
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start - ROW_HEIGHT}px)`,
              };
              if (row === undefined) {
                return (
                  <tr key="loader" style={position}>
                    <td>
                      <Loader size="xs" aria-label={t('common.loading')} />
                    </td>
                  </tr>
                );
              }
              return (
                <VirtualRow
                  key={rowId(row)}
                  row={row}
                  id={rowId(row)}
                  index={item.index}
                  top={item.start - ROW_HEIGHT}
                  height={ROW_HEIGHT}
                  template={template}
                  columns={columns}
                  testId={testId}
                  active={item.index === active}
                  dimmed={props.isDimmed?.(row) ?? false}
                  clickable={Boolean(props.onOpen)}
                  onRowClick={onRowClick}
                />
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
