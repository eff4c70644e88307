import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { PdcaAction, PdcaCycleDetails } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/use-format.ts';
import { UserPicker } from '../people/UserPicker.tsx';
import { usePdcaMutations } from './use-pdca.ts';

const TASK_COLOR: Record<PdcaAction['taskState'], string> = {
  'done-on-time': 'green',
  'done-late': 'yellow',
  open: 'blue',
  overdue: 'red',
  cancelled: 'gray',
};
const CHECK_RESULTS = ['effective', 'partly', 'not-effective'] as const;
type CheckResult = (typeof CHECK_RESULTS)[number];

/** Act: this month's corrective actions (each its owner's task) and last month's, to be checked. */
export function ActionsCard({ planId, cycle }: { planId: string; cycle: PdcaCycleDetails }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<PdcaAction | 'new' | null>(null);
  const [checking, setChecking] = useState<PdcaAction | null>(null);
  // Last month's actions are of the same plan, so this cycle's permissions cover checking them.
  const { addAction, checkAction } = cycle.permissions;
  return (
    <Card withBorder padding="md" data-testid="pdca-actions">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('pdca.actions.title')}
          </Title>
          {cycle.reviewed && addAction && (
            <Button size="xs" onClick={() => setEditing('new')} data-testid="pdca-action-add">
              {t('pdca.actions.add')}
            </Button>
          )}
        </Group>
        {!cycle.reviewed && <Text c="dimmed">{t('pdca.actions.reviewFirst')}</Text>}
        {cycle.reviewed && cycle.actions.length === 0 && <Text c="dimmed">{t('pdca.actions.none')}</Text>}
        {cycle.actions.length > 0 && (
          <ActionsTable actions={cycle.actions} onEdit={addAction ? setEditing : undefined} />
        )}
        <Title order={3} size="h5" mt="sm">
          {t('pdca.actions.previous')}
        </Title>
        {cycle.previousActions.length === 0 ? (
          <Text c="dimmed">{t('pdca.actions.nonePrevious')}</Text>
        ) : (
          <ActionsTable
            actions={cycle.previousActions}
            onCheck={checkAction ? setChecking : undefined}
            testId="pdca-previous-actions"
          />
        )}
      </Stack>
      {editing !== null && (
        <ActionModal
          planId={planId}
          cycleId={cycle.id}
          action={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {checking && (
        <CheckModal planId={planId} cycleId={cycle.id} action={checking} onClose={() => setChecking(null)} />
      )}
    </Card>
  );
}

function ActionsTable(props: {
  actions: PdcaAction[];
  onEdit?(action: PdcaAction): void;
  onCheck?(action: PdcaAction): void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table data-testid={props.testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('pdca.actions.action')}</Table.Th>
          <Table.Th>{t('pdca.actions.owner')}</Table.Th>
          <Table.Th>{t('pdca.actions.due')}</Table.Th>
          <Table.Th>{t('pdca.actions.task')}</Table.Th>
          <Table.Th>{t('pdca.actions.check')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.actions.map((action) => (
          <Table.Tr key={action.id} data-testid={`pdca-action-${action.id}`}>
            <Table.Td>{action.title}</Table.Td>
            <Table.Td>{action.owner.fullName}</Table.Td>
            <Table.Td>{format.day(action.dueDay)}</Table.Td>
            <Table.Td>
              <Badge
                variant="light"
                tt="none"
                miw="max-content"
                color={TASK_COLOR[action.taskState]}
                data-testid="pdca-action-task"
              >
                {t(`pdca.taskStates.${action.taskState}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              {action.check ? (
                <Text size="sm">
                  {t(`pdca.checkResults.${action.check.result}`)}
                  {action.check.note ? ` — ${action.check.note}` : ''}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('pdca.actions.unchecked')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {!action.check && props.onEdit && (
                <Button size="compact-xs" variant="default" onClick={() => props.onEdit?.(action)}>
                  {t('common.edit')}
                </Button>
              )}
              {!action.check && props.onCheck && (
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => props.onCheck?.(action)}
                  data-testid="pdca-action-check"
                >
                  {t('pdca.actions.checkIt')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ActionModal(props: { planId: string; cycleId: string; action: PdcaAction | null; onClose(): void }) {
  const { t } = useTranslation();
  const mutations = usePdcaMutations(props.planId, props.cycleId);
  const [title, setTitle] = useState(props.action?.title ?? '');
  const [ownerId, setOwnerId] = useState<string | null>(props.action?.owner.id ?? null);
  const [dueDay, setDueDay] = useState(props.action?.dueDay ?? '');
  const valid = title.trim() !== '' && ownerId !== null && /^\d{4}-\d{2}-\d{2}$/.test(dueDay);
  const pending = mutations.createAction.isPending || mutations.updateAction.isPending;
  const submit = () => {
    if (!valid || ownerId === null) return;
    const fields = { title: title.trim(), ownerId, dueDay };
    if (props.action) {
      mutations.updateAction.mutate(
        { id: props.action.id, body: { version: props.action.version, ...fields } },
        { onSuccess: props.onClose },
      );
    } else {
      mutations.createAction.mutate(fields, { onSuccess: props.onClose });
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={props.action ? t('pdca.actions.edit') : t('pdca.actions.add')}>
      <Stack gap="sm">
        <TextInput
          label={t('pdca.actions.action')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          maxLength={300}
          required
          data-testid="pdca-action-title"
        />
        <UserPicker
          label={t('pdca.actions.owner')}
          value={ownerId}
          onChange={setOwnerId}
          data-testid="pdca-action-owner"
        />
        <TextInput
          type="date"
          label={t('pdca.actions.due')}
          value={dueDay}
          onChange={(event) => setDueDay(event.currentTarget.value)}
          required
          data-testid="pdca-action-due"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} disabled={!valid} loading={pending} data-testid="pdca-action-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CheckModal(props: { planId: string; cycleId: string; action: PdcaAction; onClose(): void }) {
  const { t } = useTranslation();
  const mutations = usePdcaMutations(props.planId, props.cycleId);
  const [result, setResult] = useState<CheckResult>('effective');
  const [note, setNote] = useState('');
  const submit = () =>
    mutations.checkAction.mutate(
      { id: props.action.id, body: { result, ...(note.trim() ? { note: note.trim() } : {}) } },
      { onSuccess: props.onClose },
    );
  return (
    <Modal opened onClose={props.onClose} title={t('pdca.actions.checkTitle', { title: props.action.title })}>
      <Stack gap="sm">
        <SegmentedControl
          value={result}
          onChange={(value) => setResult(CHECK_RESULTS.find((r) => r === value) ?? 'effective')}
          data={CHECK_RESULTS.map((r) => ({ value: r, label: t(`pdca.checkResults.${r}`) }))}
          data-testid="pdca-check-result"
        />
        <TextInput
          label={t('pdca.actions.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          data-testid="pdca-check-note"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={mutations.checkAction.isPending} data-testid="pdca-check-submit">
            {t('pdca.actions.checkIt')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
