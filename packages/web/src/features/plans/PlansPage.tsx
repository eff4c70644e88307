import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { Plan } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { PlanCreateModal } from './PlanCreateModal.tsx';
import { usePlans } from './use-plans.ts';

/** The sales plans the viewer may see, and a way to start a new one. */
export function PlansPage() {
  const { t } = useTranslation();
  const plans = usePlans();
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageTitle>{t('plans.title')}</PageTitle>
        <Button onClick={() => setCreating(true)} data-testid="plan-create">
          {t('plans.create')}
        </Button>
      </Group>
      {plans.isPending ? (
        <CenteredLoader />
      ) : plans.isError ? (
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.length === 0 ? (
        <Text c="dimmed">{t('plans.empty')}</Text>
      ) : (
        <PlansTable plans={plans.data} />
      )}
      <PlanCreateModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function PlansTable({ plans }: { plans: Plan[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover data-testid="plans-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plans.fields.name')}</Table.Th>
            <Table.Th>{t('plans.fields.scope')}</Table.Th>
            <Table.Th>{t('plans.fields.period')}</Table.Th>
            <Table.Th>{t('plans.fields.status')}</Table.Th>
            <Table.Th ta="right">{t('plans.fields.realistic')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((plan) => (
            <Table.Tr key={plan.id} data-testid={`plan-row-${plan.id}`}>
              <Table.Td>
                <Anchor component={Link} to={`/plans/${plan.id}`}>
                  {plan.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{plan.scope.unitName ?? t('plans.wholeOrganisation')}</Table.Td>
              <Table.Td>
                {format.day(plan.periodStart)} – {format.day(plan.periodEnd)}
              </Table.Td>
              <Table.Td>
                <PlanStatusBadge status={plan.status} />
              </Table.Td>
              <Table.Td ta="right">{format.moneyShort(plan.scenarios.realisticMinor, plan.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function PlanStatusBadge({ status }: { status: Plan['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'approved' ? 'teal' : 'gray'} variant="light" data-testid="plan-status">
      {t(`plans.status.${status}`)}
    </Badge>
  );
}
