import { Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import type { PdcaCycleDetails, PdcaDeviation } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { formatPercent } from './pdca-stages.ts';
import { useDeviations } from './use-pdca.ts';

type Filter = PdcaDeviation['dimension'] | 'all';
const FILTERS: readonly Filter[] = ['all', 'rep', 'direction', 'channel'];

/** Check: fact against the month's plan by rep, direction and channel, the largest deviation first. */
export function DeviationsCard({ cycle }: { cycle: PdcaCycleDetails }) {
  const { t } = useTranslation();
  const format = useFormat();
  const deviations = useDeviations(cycle.id);
  const [filter, setFilter] = useState<Filter>('all');
  return (
    <Card withBorder padding="md" data-testid="pdca-deviations">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('pdca.deviations.title')}
          </Title>
          <SegmentedControl
            size="xs"
            value={filter}
            onChange={(value) => setFilter(FILTERS.find((f) => f === value) ?? 'all')}
            data={FILTERS.map((f) => ({ value: f, label: t(`pdca.deviations.filters.${f}`) }))}
          />
        </Group>
        {deviations.isPending ? (
          <CenteredLoader />
        ) : deviations.isError ? (
          <QueryError error={deviations.error} onRetry={() => void deviations.refetch()} />
        ) : (
          <>
            <Text size="sm" data-testid="pdca-deviations-total">
              {t('pdca.deviations.total', {
                plan: format.money(deviations.data.planMinor, deviations.data.currency),
                fact: format.money(deviations.data.factMinor, deviations.data.currency),
              })}
            </Text>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pdca.deviations.what')}</Table.Th>
                  <Table.Th>{t('pdca.deviations.dimension')}</Table.Th>
                  <Table.Th ta="right">{t('pdca.deviations.plan')}</Table.Th>
                  <Table.Th ta="right">{t('pdca.deviations.fact')}</Table.Th>
                  <Table.Th ta="right">{t('pdca.deviations.deviation')}</Table.Th>
                  <Table.Th ta="right">%</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deviations.data.items
                  .filter((item) => filter === 'all' || item.dimension === filter)
                  .map((item) => (
                    <Table.Tr key={`${item.dimension}-${item.key ?? 'rest'}`} data-testid="pdca-deviation-row">
                      <Table.Td>{item.label}</Table.Td>
                      <Table.Td>{t(`pdca.deviations.filters.${item.dimension}`)}</Table.Td>
                      <Table.Td ta="right">{format.money(item.planMinor, deviations.data.currency)}</Table.Td>
                      <Table.Td ta="right">{format.money(item.factMinor, deviations.data.currency)}</Table.Td>
                      <Table.Td ta="right" c={item.deviationMinor < 0 ? 'red' : 'green'}>
                        {format.money(item.deviationMinor, deviations.data.currency)}
                      </Table.Td>
                      <Table.Td ta="right" c={item.deviationMinor < 0 ? 'red' : 'green'}>
                        {formatPercent(item.deviationPercent, format.locale)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
}
