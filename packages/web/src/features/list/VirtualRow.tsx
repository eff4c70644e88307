import { type CSSProperties, type MouseEvent, memo } from 'react';
import type { ColumnDef } from './list-types.ts';

interface VirtualRowProps<Row> {
  row: Row;
  id: string;
  index: number;
  /** Top of the row inside the body, in pixels. */
  top: number;
  height: number;
  template: string;
  columns: readonly ColumnDef<Row>[];
  testId: string;
  active: boolean;
  dimmed: boolean;
  clickable: boolean;
  onRowClick(event: MouseEvent, index: number, row: Row): void;
}

const cellStyle: CSSProperties = {
  overflow: 'hidden',
  minWidth: 0,
  whiteSpace: 'nowrap',
  textOverflow: 'ellipsis',
  fontSize: 'var(--mantine-font-size-sm)',
};

/**
 * One row of a virtual table. Memoised: while scrolling, rows that stay in view keep their props
 * (their position depends only on their index), so only rows entering the view render.
 */
function VirtualRowInner<Row>(props: VirtualRowProps<Row>) {
  const { row, index, columns, active } = props;
  return (
    <tr
      id={`${props.testId}-row-${index}`}
      aria-rowindex={index + 2}
      aria-selected={active}
      data-testid={`${props.testId}-row-${props.id}`}
      onClick={(event) => props.onRowClick(event, index, row)}
      style={{
        display: 'grid',
        gridTemplateColumns: props.template,
        alignItems: 'center',
        columnGap: 12,
        paddingInline: 12,
        height: props.height,
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        position: 'absolute',
        top: 0,
        left: 0,
        width: '100%',
        transform: `translateY(${props.top}px)`,
        cursor: props.clickable ? 'pointer' : undefined,
        background: active ? 'var(--mantine-color-indigo-0)' : undefined,
        color: props.dimmed ? 'var(--mantine-color-dimmed)' : undefined,
      }}
    >
      {columns.map((column) => (
        <td key={column.id} style={{ ...cellStyle, textAlign: column.align ?? 'left' }}>
          {column.render(row)}
        </td>
      ))}
    </tr>
  );
}

export const VirtualRow = memo(VirtualRowInner) as typeof VirtualRowInner;
