import { Alert, Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { MyGoals } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { goalProgress } from './goal-progress.ts';
import { useGoalValue } from './use-goal-value.ts';
import { useMyGoals } from './use-goals.ts';

/** The signed-in rep's goals this month with the fact so far; nothing at all when they have none. */
export function MyGoalsCard() {
  const goals = useMyGoals();
  if (!goals.data || goals.data.items.length === 0) return null;
  return <MyGoalsList goals={goals.data} />;
}

function MyGoalsList({ goals }: { goals: MyGoals }) {
  const { t } = useTranslation();
  const value = useGoalValue();
  const unreachable = goals.items.some((goal) => !goal.achievable);
  return (
    <Card withBorder padding="md" data-testid="my-goals">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('goals.myTitle')}
          </Title>
          <Text size="sm" c="dimmed" data-testid="my-goals-days">
            {t('goals.workingDays', { elapsed: goals.elapsedWorkingDays, total: goals.workingDays })}
          </Text>
        </Group>
        {goals.items.map((goal) => {
          const progress = goalProgress({ ...goal, ...goals });
          return (
            <Stack key={goal.id} gap={4} data-testid="my-goal" data-metric={goal.metric}>
              <Group justify="space-between">
                <Group gap="xs">
                  <Text fw={500}>{t(`goals.metrics.${goal.metric}`)}</Text>
                  {!goal.achievable && (
                    <Badge size="sm" variant="light" color="red">
                      {t('goals.notAchievable')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm">
                  {t('goals.factOfTarget', {
                    fact: value(goal.metric, goal.factSoFar, { total: true }),
                    target: value(goal.metric, progress.monthTarget, { total: true }),
                  })}
                </Text>
              </Group>
              <Progress value={Math.min(100, progress.percent ?? 0)} color={progress.onPace ? 'green' : 'orange'} />
              <Text size="xs" c="dimmed">
                {t(progress.onPace ? 'goals.onPace' : 'goals.behindPace', {
                  expected: value(goal.metric, progress.expectedSoFar, { total: true }),
                  target: value(goal.metric, goal.target),
                })}
              </Text>
            </Stack>
          );
        })}
        {unreachable && (
          <Alert color="red" variant="light" data-testid="my-goals-unreachable">
            {t('goals.notAchievableHint')}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
