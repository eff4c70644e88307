import { Anchor, Box, Table, Text } from '@mantine/core';
import type { DashboardPlan, KpiCatalogId, KpiCatalogUnit, KpiCells } from '@pulse/contracts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VIRTUALISE_AFTER } from './dashboard-values.ts';
import { KpiCellView, PlanAttainment, PlanForecast } from './KpiCellView.tsx';

/** One line of the grid: a rep, a team or everyone together. */
export interface GridRow {
  id: string;
  name: string;
  /** The rep's card; null for teams and the total. */
  href: string | null;
  kpis: KpiCells;
  plan: DashboardPlan | null;
  /** The total line stands out. */
  strong?: boolean;
}

interface KpiGridProps {
  testId: string;
  /** What the table is, for screen readers. */
  label: string;
  /** The first column's header. */
  nameHeader: string;
  rows: readonly GridRow[];
  kpis: readonly KpiCatalogId[];
  units: ReadonlyMap<KpiCatalogId, KpiCatalogUnit>;
  emptyText: string;
}

/** Every row has the same height, so a large team scrolls evenly with only the rows in view drawn. */
const ROW_HEIGHT = 58;

const stickyName: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  minWidth: 200,
  maxWidth: 240,
};

/**
 * A row per rep (or team), a column per KPI, then plan attainment and forecast. The header and
 * the name column stay in view while scrolling; above VIRTUALISE_AFTER rows only the rows in view
 * are in the DOM (spacer rows keep the scroll height).
 */
export function KpiGrid({ testId, label, nameHeader, rows, kpis, units, emptyText }: KpiGridProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length > VIRTUALISE_AFTER;
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const shown = virtual ? items.map((item) => ({ row: rows[item.index] as GridRow, index: item.index })) : null;
  const top = virtual ? (items[0]?.start ?? 0) : 0;
  const bottom = virtual ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const columnCount = kpis.length + 3;

  return (
    <Box
      ref={scrollRef}
      style={{ overflow: 'auto', maxHeight: virtual ? '70vh' : undefined }}
      data-testid={`${testId}-scroll`}
    >
      <Table
        aria-label={label}
        aria-rowcount={rows.length + 1}
        withTableBorder
        highlightOnHover
        stickyHeader
        data-testid={testId}
        style={{ minWidth: 240 + kpis.length * 150 + 300 }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ ...stickyName, zIndex: 2 }}>{nameHeader}</Table.Th>
            {kpis.map((kpi) => (
              <Table.Th key={kpi} style={{ minWidth: 140, verticalAlign: 'bottom' }}>
                <Text size="xs" fw={600} lineClamp={2}>
                  {t(`kpi.names.${kpi}`)}
                </Text>
              </Table.Th>
            ))}
            <Table.Th style={{ minWidth: 140, verticalAlign: 'bottom' }}>{t('dashboard.grid.attainment')}</Table.Th>
            <Table.Th style={{ minWidth: 150, verticalAlign: 'bottom' }}>{t('dashboard.grid.forecast')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columnCount}>
                <Text c="dimmed" size="sm" data-testid={`${testId}-empty`}>
                  {emptyText}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {top > 0 && <tr aria-hidden style={{ height: top }} />}
          {(shown ?? rows.map((row, index) => ({ row, index }))).map(({ row, index }) => (
            <GridLine key={row.id} row={row} index={index} kpis={kpis} units={units} testId={testId} />
          ))}
          {bottom > 0 && <tr aria-hidden style={{ height: bottom }} />}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

interface GridLineProps {
  row: GridRow;
  index: number;
  kpis: readonly KpiCatalogId[];
  units: ReadonlyMap<KpiCatalogId, KpiCatalogUnit>;
  testId: string;
}

function GridLine({ row, index, kpis, units, testId }: GridLineProps) {
  return (
    <Table.Tr
      style={{ height: ROW_HEIGHT }}
      aria-rowindex={index + 2}
      data-testid={`${testId}-row`}
      data-id={row.id}
      fw={row.strong ? 600 : undefined}
    >
      <Table.Th scope="row" style={stickyName}>
        {row.href ? (
          <Anchor component={Link} to={row.href} size="sm" fw={600} data-testid={`${testId}-name`}>
            {row.name}
          </Anchor>
        ) : (
          <Text size="sm" fw={row.strong ? 700 : 600} data-testid={`${testId}-name`}>
            {row.name}
          </Text>
        )}
      </Table.Th>
      {kpis.map((kpi) => {
        const cell = row.kpis[kpi];
        return (
          <Table.Td key={kpi}>
            {cell ? <KpiCellView kpi={kpi} unit={units.get(kpi)} cell={cell} owner={row.name} /> : null}
          </Table.Td>
        );
      })}
      <Table.Td>
        <PlanAttainment plan={row.plan} />
      </Table.Td>
      <Table.Td>
        <PlanForecast plan={row.plan} />
      </Table.Td>
    </Table.Tr>
  );
}
