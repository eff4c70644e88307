import { Anchor, Badge, Text } from '@mantine/core';
import type { KpiCell, TrafficLight } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { appPath, lightLook } from '../dashboard/dashboard-values.ts';
import { type CellStatus, cellStatus } from './figure-status.ts';

/** A figure that opens the records behind it when it has a drill-down; plain text otherwise. */
export function FigureLink(props: { text: string; drillDown: string | null; label: string; testId?: string }) {
  const path = appPath(props.drillDown);
  if (!path) {
    return (
      <Text span inherit data-testid={props.testId}>
        {props.text}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={path} inherit aria-label={props.label} title={props.label} data-testid={props.testId}>
      {props.text}
    </Anchor>
  );
}

/** A cell's light as a coloured badge whose words say the same (never colour alone). */
export function LightBadge({ light }: { light: TrafficLight }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={lightLook(light).color} data-testid="kpi-light" data-light={light}>
      {lightLook(light).symbol} {t(`myFigures.lights.${light}`)}
    </Badge>
  );
}

const STATUS_KEYS = {
  noTarget: 'myFigures.noTarget',
  'no-source': 'myFigures.absent.no-source',
  'no-data': 'myFigures.absent.no-data',
} as const satisfies Record<Exclude<CellStatus, TrafficLight>, string>;

/**
 * The status of a cell: its light, or in dimmed words why it has none; `quiet` leaves out "no
 * target" where most cells have none and the words would only be noise (a wide table).
 */
export function CellStatusView({ cell, quiet = false }: { cell: KpiCell; quiet?: boolean }) {
  const { t } = useTranslation();
  const status = cellStatus(cell);
  if (status === 'green' || status === 'amber' || status === 'red') return <LightBadge light={status} />;
  if (quiet && status === 'noTarget') return null;
  return (
    <Text size="xs" c="dimmed" data-testid="kpi-status" data-status={status}>
      {t(STATUS_KEYS[status])}
    </Text>
  );
}
