import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import type { PlanGoal } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { MoneyInput, moneyText } from '../../shared/MoneyInput.tsx';
import { parseMoneyInput } from '../../shared/money.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import { useGoalValue } from './use-goal-value.ts';
import { useAdjustGoal, useMonthGoals } from './use-goals.ts';

/** Do: the month's SMART goals of every rep; a head adjusts a target with the reason. */
export function PlanGoalsCard({ planId, month, currency }: { planId: string; month: string; currency: string }) {
  const { t } = useTranslation();
  const goals = useMonthGoals(planId, month);
  const value = useGoalValue();
  const [adjusting, setAdjusting] = useState<PlanGoal | null>(null);
  return (
    <Card withBorder padding="md" data-testid="pdca-goals">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('goals.monthTitle')}
        </Title>
        {goals.isPending ? (
          <CenteredLoader />
        ) : goals.isError ? (
          <QueryError error={goals.error} onRetry={() => void goals.refetch()} />
        ) : goals.data.length === 0 ? (
          <Text c="dimmed">{t('goals.noneForMonth')}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('goals.rep')}</Table.Th>
                <Table.Th>{t('goals.metric')}</Table.Th>
                <Table.Th ta="right">{t('goals.target')}</Table.Th>
                <Table.Th>{t('goals.source')}</Table.Th>
                <Table.Th>{t('goals.achievable')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {goals.data.map((goal) => (
                <Table.Tr key={goal.id} data-testid="pdca-goal-row" data-metric={goal.metric}>
                  <Table.Td>{goal.user.fullName}</Table.Td>
                  <Table.Td>{t(`goals.metrics.${goal.metric}`)}</Table.Td>
                  <Table.Td ta="right">{value(goal.metric, goal.target, { currency })}</Table.Td>
                  <Table.Td>
                    {goal.reason === null ? (
                      <Text size="sm" c="dimmed">
                        {t('goals.generated')}
                      </Text>
                    ) : (
                      <Tooltip label={goal.reason}>
                        <Text size="sm">
                          {t('goals.adjustedFrom', { value: value(goal.metric, goal.generatedTarget, { currency }) })}
                        </Text>
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {goal.achievable ? (
                      <Badge variant="light" color="green">
                        {t('goals.yes')}
                      </Badge>
                    ) : (
                      <Tooltip label={t('goals.notAchievableHint')}>
                        <Badge variant="light" color="red">
                          {t('goals.notAchievable')}
                        </Badge>
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {goal.permissions.adjust && (
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => setAdjusting(goal)}
                        data-testid="pdca-goal-adjust"
                      >
                        {t('goals.adjust')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {adjusting && <AdjustModal goal={adjusting} currency={currency} onClose={() => setAdjusting(null)} />}
    </Card>
  );
}

function AdjustModal({ goal, currency, onClose }: { goal: PlanGoal; currency: string; onClose(): void }) {
  const { t } = useTranslation();
  const adjust = useAdjustGoal();
  const money = goal.metric === 'revenue';
  const [text, setText] = useState(money ? moneyText(goal.target, currency) : String(goal.target));
  const [reason, setReason] = useState('');
  const target = money ? parseMoneyInput(text, currency) : Number.parseInt(text, 10);
  const valid = target !== null && Number.isInteger(target) && target >= 0 && reason.trim() !== '';
  const submit = () => {
    if (valid && target !== null) adjust.mutate({ id: goal.id, target, reason: reason.trim() }, { onSuccess: onClose });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('goals.adjustTitle', { name: goal.user.fullName, metric: t(`goals.metrics.${goal.metric}`) })}
    >
      <Stack gap="sm">
        {money ? (
          <MoneyInput
            label={t('goals.target')}
            value={text}
            onChange={setText}
            currency={currency}
            required
            data-testid="pdca-goal-target"
          />
        ) : (
          <NumberInput
            label={t('goals.target')}
            value={text}
            onChange={(next) => setText(String(next))}
            min={0}
            allowDecimal={false}
            required
            data-testid="pdca-goal-target"
          />
        )}
        <Textarea
          label={t('goals.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={1000}
          required
          autosize
          minRows={2}
          data-testid="pdca-goal-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} disabled={!valid} loading={adjust.isPending} data-testid="pdca-goal-submit">
            {t('goals.adjust')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
