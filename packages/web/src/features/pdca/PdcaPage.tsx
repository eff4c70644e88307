import { Anchor, Badge, Button, Card, Group, NavLink, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import type { PdcaCycle, PdcaCycleDetails } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { PlanGoalsCard } from '../goals/PlanGoalsCard.tsx';
import { usePlan } from '../plans/use-plans.ts';
import { ActionsCard } from './ActionsCard.tsx';
import { DeviationsCard } from './DeviationsCard.tsx';
import { defaultCycleId, formatMonth, type StageState, stageAllowed, stageViews } from './pdca-stages.ts';
import { useCycle, useCycles, usePdcaMutations } from './use-pdca.ts';

const STATE_COLOR: Record<StageState, string> = { done: 'green', waiting: 'orange', ahead: 'gray' };

/** A plan's monthly PDCA cycles: the months on the left, the chosen month's four stages and work. */
export function PdcaPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const plan = usePlan(id);
  const cycles = useCycles(id);
  const [chosen, setChosen] = useState<string | null>(null);
  if (plan.isPending || cycles.isPending) return <CenteredLoader />;
  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (cycles.isError) return <QueryError error={cycles.error} onRetry={() => void cycles.refetch()} />;
  const cycleId = chosen ?? defaultCycleId(cycles.data);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/plans/${id}`} size="sm">
        {t('pdca.backToPlan')}
      </Anchor>
      <Stack gap={4}>
        <PageTitle>{t('pdca.title', { plan: plan.data.name })}</PageTitle>
        <Text size="sm" c="dimmed">
          {t('pdca.hint')}
        </Text>
      </Stack>
      {cycles.data.length === 0 ? (
        <Text c="dimmed" data-testid="pdca-no-cycles">
          {t('pdca.noCycles')}
        </Text>
      ) : (
        <Group align="flex-start" wrap="nowrap" gap="md">
          <Card withBorder padding="xs" w={280} style={{ flexShrink: 0 }} data-testid="pdca-months">
            {cycles.data.map((cycle) => (
              <MonthLink
                key={cycle.id}
                cycle={cycle}
                active={cycle.id === cycleId}
                onClick={() => setChosen(cycle.id)}
              />
            ))}
          </Card>
          <div style={{ flex: 1, minWidth: 0 }}>
            {cycleId && <CycleView planId={id} cycleId={cycleId} currency={plan.data.currency} />}
          </div>
        </Group>
      )}
    </Stack>
  );
}

function MonthLink({ cycle, active, onClick }: { cycle: PdcaCycle; active: boolean; onClick(): void }) {
  const { t, i18n } = useTranslation();
  return (
    <NavLink
      active={active}
      onClick={onClick}
      label={formatMonth(cycle.month, i18n.language)}
      data-testid={`pdca-month-${cycle.month}`}
      description={
        <Group gap={4} mt={4}>
          {stageViews(cycle).map((view) => (
            <Badge key={view.stage} size="xs" variant="light" color={STATE_COLOR[view.state]}>
              {t(`pdca.stages.${view.stage}.short`)}
            </Badge>
          ))}
        </Group>
      }
    />
  );
}

function CycleView({ planId, cycleId, currency }: { planId: string; cycleId: string; currency: string }) {
  const cycle = useCycle(cycleId);
  if (cycle.isPending) return <CenteredLoader />;
  if (cycle.isError) return <QueryError error={cycle.error} onRetry={() => void cycle.refetch()} />;
  return (
    <Stack gap="md" data-testid="pdca-cycle" data-month={cycle.data.month}>
      <StagesCard planId={planId} cycle={cycle.data} />
      <PlanGoalsCard planId={planId} month={cycle.data.month} currency={currency} />
      <DeviationsCard cycle={cycle.data} />
      <ActionsCard planId={planId} cycle={cycle.data} />
    </Stack>
  );
}

function StagesCard({ planId, cycle }: { planId: string; cycle: PdcaCycleDetails }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {formatMonth(cycle.month, i18n.language)}
        </Title>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {stageViews(cycle).map((view) => (
            <Card
              key={view.stage}
              withBorder
              padding="xs"
              bg={view.state === 'waiting' ? 'var(--mantine-color-orange-light)' : undefined}
              data-testid={`pdca-stage-${view.stage}`}
              data-state={view.state}
            >
              <Text fw={600}>{t(`pdca.stages.${view.stage}.name`)}</Text>
              <Text size="xs" c="dimmed">
                {t(`pdca.stages.${view.stage}.what`)}
              </Text>
              <Text size="sm" mt={4}>
                {view.done
                  ? t('pdca.doneBy', { who: view.done.by.fullName, when: format.instant(view.done.at) })
                  : view.stage === 'act' && cycle.actionCount > 0
                    ? t('pdca.actionCount', { count: cycle.actionCount })
                    : t(`pdca.state.${view.state}`)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
        {cycle.reviewComment && (
          <Text size="sm" data-testid="pdca-review-comment-text">
            {t('pdca.reviewComment', { comment: cycle.reviewComment })}
          </Text>
        )}
        <NextStage planId={planId} cycle={cycle} />
      </Stack>
    </Card>
  );
}

/**
 * The button (or form) for the stage the cycle waits on, shown only to whom the server's
 * permissions on the cycle allow it; the others see whose step it is.
 */
function NextStage({ planId, cycle }: { planId: string; cycle: PdcaCycleDetails }) {
  const { t } = useTranslation();
  const mutations = usePdcaMutations(planId, cycle.id);
  const [comment, setComment] = useState('');
  const allowed = stageAllowed(cycle);
  if (!allowed) {
    return cycle.currentStage && cycle.currentStage !== 'act' ? (
      <Group>
        <Text size="sm" c="dimmed" data-testid="pdca-not-yours">
          {t(`pdca.notYours.${cycle.currentStage}`)}
        </Text>
        {cycle.currentStage === 'do' && cycle.permissions.generateGoals && (
          // A head who sees part of the plan prepares their reps' goals; issuing them is the owner's.
          <Button
            variant="default"
            onClick={() => mutations.generateGoals.mutate(cycle.month)}
            loading={mutations.generateGoals.isPending}
            data-testid="pdca-generate-my-goals"
          >
            {t('pdca.generateMyGoals')}
          </Button>
        )}
      </Group>
    ) : null;
  }
  if (cycle.currentStage === 'plan') {
    return (
      <Group>
        <Button
          onClick={() => mutations.approve.mutate()}
          loading={mutations.approve.isPending}
          data-testid="pdca-approve"
        >
          {t('pdca.approveMonth')}
        </Button>
      </Group>
    );
  }
  if (cycle.currentStage === 'do') {
    return (
      <Group>
        <Button
          variant={cycle.goalRepCount > 0 ? 'default' : 'filled'}
          onClick={() => mutations.generateGoals.mutate(cycle.month)}
          loading={mutations.generateGoals.isPending}
          data-testid="pdca-generate-goals"
        >
          {cycle.goalRepCount > 0 ? t('pdca.regenerateGoals') : t('pdca.generateGoals')}
        </Button>
        <Button
          onClick={() => mutations.issue.mutate()}
          loading={mutations.issue.isPending}
          disabled={cycle.goalRepCount === 0}
          data-testid="pdca-issue-goals"
        >
          {t('pdca.issueGoals', { count: cycle.goalRepCount })}
        </Button>
      </Group>
    );
  }
  if (cycle.currentStage === 'check') {
    const submit = () => {
      if (comment.trim()) mutations.review.mutate(comment.trim(), { onSuccess: () => setComment('') });
    };
    return (
      <Stack gap="xs">
        <Textarea
          label={t('pdca.reviewLabel')}
          description={t('pdca.reviewHint')}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={5000}
          data-testid="pdca-review-comment"
        />
        <Group>
          <Button
            onClick={submit}
            disabled={!comment.trim()}
            loading={mutations.review.isPending}
            data-testid="pdca-review-submit"
          >
            {t('pdca.review')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return null;
}
