import { Badge, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import type { Activity, DealStageChange } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { ActivityEditModal } from '../activities/ActivityEditModal.tsx';
import { CompleteActivityModal } from '../activities/CompleteActivityModal.tsx';
import { DeleteActivityModal } from '../activities/DeleteActivityModal.tsx';
import { TaskLine } from '../tasks/TaskLine.tsx';
import { type TimelineEntry, type TimelineLink, useTimeline } from './use-timeline.ts';

type Show = 'all' | 'activity' | 'task' | 'stage';

/** What an activity's buttons open: dialogs the timeline holds, one at a time. */
interface ActivityActions {
  onComplete(activity: Activity): void;
  onEdit(activity: Activity): void;
  onDelete(activity: Activity): void;
}

/** What happened and what is promised on a record: activities, tasks and (for a deal) stage changes. */
export function Timeline({ link, stageHistory }: { link: TimelineLink; stageHistory?: readonly DealStageChange[] }) {
  const { t } = useTranslation();
  const { activities, tasks, entries } = useTimeline(link, stageHistory);
  const [show, setShow] = useState<Show>('all');
  const [completing, setCompleting] = useState<Activity | null>(null);
  const [editing, setEditing] = useState<Activity | null>(null);
  const [deleting, setDeleting] = useState<Activity | null>(null);
  const actions: ActivityActions = { onComplete: setCompleting, onEdit: setEditing, onDelete: setDeleting };
  const shown = show === 'all' ? entries : entries.filter((entry) => entry.type === show);
  const options: { value: Show; label: string }[] = [
    { value: 'all', label: t('timeline.all') },
    { value: 'activity', label: t('timeline.activities') },
    { value: 'task', label: t('timeline.tasks') },
    ...(stageHistory ? [{ value: 'stage' as const, label: t('timeline.stages') }] : []),
  ];

  if (activities.isError || tasks.isError) {
    return <QueryError error={activities.error ?? tasks.error} onRetry={() => void activities.refetch()} />;
  }
  return (
    <Stack gap="sm" data-testid="timeline">
      <SegmentedControl
        size="xs"
        value={show}
        onChange={(value) => setShow(options.find((option) => option.value === value)?.value ?? 'all')}
        data={options}
        style={{ alignSelf: 'flex-start' }}
      />
      {activities.isPending || tasks.isPending ? (
        <CenteredLoader minHeight={120} />
      ) : shown.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('timeline.empty')}
        </Text>
      ) : (
        shown.map((entry) => <Entry key={entryKey(entry)} entry={entry} actions={actions} />)
      )}
      {(activities.hasNextPage || tasks.hasNextPage) && (
        <Button
          variant="subtle"
          onClick={() => {
            if (activities.hasNextPage) void activities.fetchNextPage();
            if (tasks.hasNextPage) void tasks.fetchNextPage();
          }}
          loading={activities.isFetchingNextPage || tasks.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('common.loadMore')}
        </Button>
      )}
      <CompleteActivityModal activity={completing} onClose={() => setCompleting(null)} />
      <ActivityEditModal activity={editing} onClose={() => setEditing(null)} onDelete={setDeleting} />
      <DeleteActivityModal activity={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}

function entryKey(entry: TimelineEntry): string {
  if (entry.type === 'activity') return `a-${entry.activity.id}`;
  if (entry.type === 'task') return `t-${entry.task.id}`;
  return `s-${entry.change.id}`;
}

function Entry({ entry, actions }: { entry: TimelineEntry; actions: ActivityActions }) {
  if (entry.type === 'task') {
    return (
      <Card withBorder padding="xs">
        <TaskLine task={entry.task} showLinks={false} />
      </Card>
    );
  }
  if (entry.type === 'stage') return <StageEntry change={entry.change} />;
  return <ActivityEntry activity={entry.activity} actions={actions} />;
}

const KIND_COLORS = { call: 'indigo', meeting: 'grape', email: 'cyan', note: 'gray' } as const;

function ActivityEntry({ activity, actions }: { activity: Activity; actions: ActivityActions }) {
  const { t } = useTranslation();
  const format = useFormat();
  // What this user may do with the activity is the server's answer, carried on the activity.
  const { edit: editable, delete: deletable, complete: canComplete } = activity.permissions;
  return (
    <Card withBorder padding="xs" data-testid={`activity-${activity.id}`}>
      <Stack gap={4}>
        <Group gap={6} justify="space-between" wrap="nowrap">
          <Group gap={6} miw={0}>
            <Badge size="sm" variant="light" color={KIND_COLORS[activity.kind]}>
              {t(`crm.activityKind.${activity.kind}`)}
            </Badge>
            {activity.direction && (
              <Text size="xs" c="dimmed">
                {t(`crm.direction.${activity.direction}`)}
              </Text>
            )}
            {activity.status !== 'done' && (
              <Badge size="xs" variant="outline" color={activity.status === 'missed' ? 'red' : 'gray'}>
                {t(`crm.activityStatus.${activity.status}`)}
              </Badge>
            )}
            <Text size="sm" fw={500} truncate>
              {activity.subject ?? ''}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {format.instant(activity.occurredAt)}
          </Text>
        </Group>
        {(activity.result || activity.body) && (
          <Text size="sm" lineClamp={3}>
            {[activity.result, activity.body].filter(Boolean).join(' — ')}
          </Text>
        )}
        <Group gap="xs">
          {activity.user && (
            <Text size="xs" c="dimmed">
              {activity.user.fullName}
            </Text>
          )}
          {activity.phone && (
            <Text size="xs" c="dimmed">
              {format.phone(activity.phone)}
            </Text>
          )}
          {activity.durationSec !== null && activity.durationSec > 0 && (
            <Text size="xs" c="dimmed">
              {format.duration(activity.durationSec * 1000)}
            </Text>
          )}
          {activity.noNextStepReason && (
            <Text size="xs" c="dimmed">
              {t('timeline.noNextStep', { reason: activity.noNextStepReason })}
            </Text>
          )}
          {canComplete && (
            <Button size="compact-xs" variant="light" onClick={() => actions.onComplete(activity)}>
              {t('work.complete.action')}
            </Button>
          )}
          {editable && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => actions.onEdit(activity)}
              data-testid={`activity-edit-${activity.id}`}
            >
              {t('common.edit')}
            </Button>
          )}
          {deletable && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => actions.onDelete(activity)}
              data-testid={`activity-delete-${activity.id}`}
            >
              {t('common.delete')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function StageEntry({ change }: { change: DealStageChange }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="xs" bg="gray.0" data-testid={`stage-change-${change.id}`}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {change.fromStageName
            ? t('timeline.stageMoved', { from: change.fromStageName, to: change.toStageName })
            : t('timeline.stageEntered', { to: change.toStageName })}
          {change.changedBy ? ` · ${change.changedBy.fullName}` : ''}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {format.instant(change.changedAt)}
        </Text>
      </Group>
    </Card>
  );
}
