import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { MyDay } from '@pulse/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { useMe } from '../auth/session.tsx';
import { canViewOthersDay } from '../crm/permissions.ts';
import { MyGoalsCard } from '../goals/MyGoalsCard.tsx';
import { MyFiguresCard } from '../my-figures/MyFiguresCard.tsx';
import { UserPicker } from '../people/UserPicker.tsx';
import { QuickCreateModal } from '../quick-create/QuickCreateModal.tsx';
import { TaskLine } from '../tasks/TaskLine.tsx';
import { MyDaySection } from './MyDaySection.tsx';
import { DealRow, type Follow, LeadRow, MissedCallRow } from './my-day-rows.tsx';
import { useMyDay, useRemoveTaskFromDay } from './use-my-day.ts';

/** What a salesperson does today: tasks due and overdue, calls to return, deals and leads to move. */
export function MyDayPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const [userId, setUserId] = useState<string | null>(null);
  const day = useMyDay(userId);
  return (
    <Stack gap="md" data-testid="my-day">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <PageTitle>{t('myDay.title')}</PageTitle>
          {day.data && (
            <Text c="dimmed" size="sm" data-testid="my-day-whose">
              {t('myDay.whose', { name: day.data.user.fullName, day: format.day(day.data.day) })}
            </Text>
          )}
        </Stack>
        {canViewOthersDay(me) && (
          <div style={{ width: 260 }}>
            <UserPicker
              label={t('myDay.rep')}
              placeholder={me.user.fullName}
              value={userId}
              onChange={setUserId}
              data-testid="my-day-rep"
            />
          </div>
        )}
      </Group>
      {userId === null && <MyGoalsCard />}
      {userId === null && <MyFiguresCard />}
      {day.isPending ? (
        <CenteredLoader />
      ) : day.isError ? (
        <QueryError error={day.error} onRetry={() => void day.refetch()} />
      ) : (
        <MyDayLists day={day.data} userId={userId} />
      )}
    </Stack>
  );
}

/** A list of the day: which count it shows, the colour of a non-zero count, and its items. */
interface SectionConfig {
  list: keyof MyDay['counts'];
  color: string;
  title: string;
  empty: string;
  testId: string;
  items: ReactNode[];
}

function MyDayLists({ day, userId }: { day: MyDay; userId: string | null }) {
  const { t } = useTranslation();
  const { remove, restore } = useRemoveTaskFromDay(userId);
  const [follow, setFollow] = useState<Follow | null>(null);
  const taskLine = (task: MyDay['dueToday'][number]) => (
    <TaskLine key={task.id} task={task} onCompleting={remove} onCompleteFailed={restore} />
  );
  const sections: SectionConfig[] = [
    {
      list: 'overdue',
      color: 'red',
      title: t('myDay.overdue'),
      empty: t('myDay.noneOverdue'),
      testId: 'my-day-overdue',
      items: day.overdue.map(taskLine),
    },
    {
      list: 'dueToday',
      color: 'blue',
      title: t('myDay.dueToday'),
      empty: t('myDay.noneToday'),
      testId: 'my-day-due-today',
      items: day.dueToday.map(taskLine),
    },
    {
      list: 'missedCalls',
      color: 'orange',
      title: t('myDay.missedCalls'),
      empty: t('myDay.noneMissed'),
      testId: 'my-day-missed-calls',
      items: day.missedCalls.map((call) => <MissedCallRow key={call.id} call={call} onFollow={setFollow} />),
    },
    {
      list: 'dealsWithoutNextStep',
      color: 'red',
      title: t('myDay.dealsWithoutNextStep'),
      empty: t('myDay.noneDeals'),
      testId: 'my-day-deals',
      items: day.dealsWithoutNextStep.map((item) => <DealRow key={item.deal.id} item={item} onFollow={setFollow} />),
    },
    {
      list: 'leadsWaiting',
      color: 'red',
      title: t('myDay.leadsWaiting'),
      empty: t('myDay.noneLeads'),
      testId: 'my-day-leads',
      items: day.leadsWaiting.map((item) => <LeadRow key={item.lead.id} item={item} />),
    },
  ];
  return (
    <>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {sections.map(({ list, ...section }) => (
          <MyDaySection key={list} count={day.counts[list]} {...section} />
        ))}
      </SimpleGrid>
      <QuickCreateModal
        opened={follow !== null}
        initialKind={follow?.kind ?? 'call'}
        record={follow?.record}
        subject={follow?.subject}
        onClose={() => setFollow(null)}
      />
    </>
  );
}
