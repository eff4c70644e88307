import { Card, Title } from '@mantine/core';
import type { ComponentProps } from 'react';
import { KpiGrid } from './KpiGrid.tsx';

/** A KPI grid in a card under its heading; the heading also names the table for screen readers. */
export function KpiGridCard({ title, ...grid }: { title: string } & Omit<ComponentProps<typeof KpiGrid>, 'label'>) {
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <KpiGrid label={title} {...grid} />
    </Card>
  );
}
