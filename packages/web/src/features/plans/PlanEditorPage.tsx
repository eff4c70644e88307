import { Alert, Anchor, Button, Card, Group, Modal, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import type { PlanDetails, PlanLines } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { planExportUrl } from '../../api/plans.ts';
import { notifyError } from '../../shared/notify.ts';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { DecompositionTable } from './DecompositionTable.tsx';
import { DeletePlanModal } from './DeletePlanModal.tsx';
import { PlanRoute } from './PlanRoute.tsx';
import { PlanStatusBadge } from './PlansPage.tsx';
import { DIMENSIONS, type Dimension, SCENARIOS, type Scenario, scenarioMinor } from './plan-tree.ts';
import { SeasonalityCard } from './SeasonalityCard.tsx';
import { usePlanMutations } from './use-plans.ts';

/** One plan: its state and approval, scenario tabs, seasonality and the decomposition tree-table. */
export function PlanEditorPage() {
  return <PlanRoute>{(plan, tree) => <PlanEditor plan={plan} tree={tree} />}</PlanRoute>;
}

function PlanEditor({ plan, tree }: { plan: PlanDetails; tree: PlanLines }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mutations = usePlanMutations(plan.id);
  const [scenario, setScenario] = useState<Scenario>('realistic');
  const [revising, setRevising] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // The tree and the plan answer different requests; the newer of the two knows the version.
  const version = Math.max(plan.version, tree.plan.version);
  const status = tree.plan.version > plan.version ? tree.plan.status : plan.status;
  const permissions = tree.plan.version > plan.version ? tree.plan.permissions : plan.permissions;
  const editable = permissions.edit && status === 'draft';

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/plans" size="sm">
        {t('plans.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <PageTitle>{plan.name}</PageTitle>
            <PlanStatusBadge status={status} />
          </Group>
          <Text size="sm" c="dimmed" data-testid="plan-meta">
            {plan.scope.unitName ?? t('plans.wholeOrganisation')} · {format.day(plan.periodStart)} –{' '}
            {format.day(plan.periodEnd)} · {t('plans.versionOf', { version, revision: plan.revision })}
          </Text>
          {status === 'approved' && plan.approvedAt && (
            <Text size="sm" data-testid="plan-locked">
              {t('plans.lockedBy', {
                who: plan.approvedBy?.fullName ?? t('common.none'),
                when: format.instant(plan.approvedAt),
              })}
            </Text>
          )}
        </Stack>
        <Group>
          {status === 'approved' && (
            <Button component={Link} to={`/plans/${plan.id}/pdca`} variant="light" data-testid="plan-pdca">
              {t('pdca.open')}
            </Button>
          )}
          <Button component={Link} to={`/plans/${plan.id}/progress`} variant="light" data-testid="plan-progress">
            {t('plans.progress.open')}
          </Button>
          <Button component="a" href={planExportUrl(plan.id)} download variant="default" data-testid="plan-export">
            {t('plans.export')}
          </Button>
          {status === 'draft' && permissions.delete && plan.approvedAt === null && plan.revisions.length === 0 && (
            <Button color="red" variant="subtle" onClick={() => setDeleting(true)} data-testid="plan-delete">
              {t('plans.delete')}
            </Button>
          )}
          {status === 'draft' && permissions.approve && (
            <Button
              onClick={() => mutations.approve.mutate(version)}
              loading={mutations.approve.isPending}
              disabled={mutations.busy}
              data-testid="plan-approve"
            >
              {t('plans.approve')}
            </Button>
          )}
          {status === 'approved' && permissions.revise && (
            <Button variant="default" onClick={() => setRevising(true)} data-testid="plan-revise">
              {t('plans.revise')}
            </Button>
          )}
        </Group>
      </Group>

      <Tabs value={scenario} onChange={(value) => setScenario(SCENARIOS.find((s) => s === value) ?? 'realistic')}>
        <Tabs.List>
          {SCENARIOS.map((s) => (
            <Tabs.Tab key={s} value={s} data-testid={`plan-scenario-${s}`}>
              {t(`plans.scenarios.${s}`)}: {format.moneyShort(scenarioMinor(plan.scenarios, s), plan.currency)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <SeasonalityCard plan={plan} version={version} editable={editable} />
      <DecompositionCard plan={plan} tree={tree} version={version} editable={editable} scenario={scenario} />
      {plan.revisions.length > 0 && <RevisionsCard plan={plan} />}
      <ReviseModal opened={revising} onClose={() => setRevising(false)} planId={plan.id} version={version} />
      <DeletePlanModal opened={deleting} onClose={() => setDeleting(false)} planId={plan.id} planName={plan.name} />
    </Stack>
  );
}

function DecompositionCard(props: {
  plan: PlanDetails;
  tree: PlanLines;
  version: number;
  editable: boolean;
  scenario: Scenario;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const mutations = usePlanMutations(props.plan.id);
  const [dimension, setDimension] = useState<Dimension>('structure');
  const root = props.tree.lines.find((line) => line.dimension === 'structure' && line.parentId === null);
  const difference = root?.differenceMinor ?? 0;
  const decomposed = props.tree.lines.length > 0;

  return (
    <Card withBorder padding="md" data-testid="decomposition-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('plans.decomposition.title')}
          </Title>
          {props.editable && (
            <Button
              variant={decomposed ? 'default' : 'filled'}
              onClick={() => mutations.decompose.mutate({ version: props.version })}
              loading={mutations.decompose.isPending}
              disabled={mutations.busy}
              data-testid="plan-decompose"
            >
              {decomposed ? t('plans.decomposition.again') : t('plans.decomposition.run')}
            </Button>
          )}
        </Group>
        {!decomposed ? (
          <Text c="dimmed">{t('plans.decomposition.none')}</Text>
        ) : (
          <>
            {!props.tree.reconciled && (
              <Alert color="orange" data-testid="plan-unreconciled">
                <Stack gap="xs">
                  <Text size="sm">
                    {t('plans.decomposition.differs', {
                      difference: `${difference > 0 ? '+' : ''}${format.money(difference, props.plan.currency)}`,
                    })}
                  </Text>
                  {props.editable && (
                    <Group>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => mutations.reconcile.mutate({ version: props.version, accept: 'top-down' })}
                        disabled={mutations.busy}
                        data-testid="plan-reconcile-top-down"
                      >
                        {t('plans.decomposition.keepTopDown')}
                      </Button>
                      <Button
                        size="xs"
                        onClick={() => mutations.reconcile.mutate({ version: props.version, accept: 'bottom-up' })}
                        disabled={mutations.busy}
                        data-testid="plan-reconcile-bottom-up"
                      >
                        {t('plans.decomposition.acceptBottomUp')}
                      </Button>
                    </Group>
                  )}
                </Stack>
              </Alert>
            )}
            <Tabs
              value={dimension}
              onChange={(value) => setDimension(DIMENSIONS.find((d) => d === value) ?? 'structure')}
            >
              <Tabs.List>
                {DIMENSIONS.map((d) => (
                  <Tabs.Tab key={d} value={d} data-testid={`plan-dimension-${d}`}>
                    {t(`plans.dimensions.${d}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
            </Tabs>
            <DecompositionTable
              lines={props.tree.lines}
              dimension={dimension}
              scenario={props.scenario}
              currency={props.plan.currency}
              editable={props.editable}
              onInvalid={() => notifyError(t('plans.decomposition.invalidNumber'))}
              onChange={({ lineId, ...change }) =>
                mutations.updateLine.mutate({ lineId, body: { version: props.version, ...change } })
              }
            />
          </>
        )}
      </Stack>
    </Card>
  );
}

function RevisionsCard({ plan }: { plan: PlanDetails }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('plans.revisions')}
      </Title>
      <Stack gap={4}>
        {plan.revisions.map((revision) => (
          <Text key={revision.id} size="sm">
            {t('plans.revisionLine', {
              revision: revision.revision,
              who: revision.revisedBy?.fullName ?? t('common.none'),
              when: format.instant(revision.revisedAt),
              reason: revision.reason,
            })}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

function ReviseModal(props: { opened: boolean; onClose(): void; planId: string; version: number }) {
  const { t } = useTranslation();
  const mutations = usePlanMutations(props.planId);
  const [reason, setReason] = useState('');
  const submit = () => {
    if (!reason.trim()) return;
    mutations.revise.mutate(
      { version: props.version, reason: reason.trim() },
      {
        onSuccess: () => {
          setReason('');
          props.onClose();
        },
      },
    );
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('plans.revise')}>
      <Stack gap="sm">
        <Text size="sm">{t('plans.reviseHint')}</Text>
        <Textarea
          label={t('plans.reviseReason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          required
          autosize
          minRows={2}
          data-testid="plan-revise-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={submit}
            disabled={!reason.trim()}
            loading={mutations.revise.isPending}
            data-testid="plan-revise-submit"
          >
            {t('plans.revise')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
