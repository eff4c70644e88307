import { Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { MyDay } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { phoneHref } from '../../shared/phone.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { useMe } from '../auth/session.tsx';
import { canViewOthersDay } from '../crm/permissions.ts';
import { RECORD_PATHS, RecordLink } from '../crm/RecordLink.tsx';
import { recordOf } from '../crm/record-of.ts';
import { UserPicker } from '../people/UserPicker.tsx';
import type { CurrentRecord } from '../quick-create/current-record.tsx';
import { QuickCreateModal } from '../quick-create/QuickCreateModal.tsx';
import type { QuickKind } from '../quick-create/quick-values.ts';
import { TaskLine } from '../tasks/TaskLine.tsx';
import { MyDaySection } from './MyDaySection.tsx';
import { useMyDay, useRemoveTaskFromDay } from './use-my-day.ts';

type Follow = { kind: QuickKind; record?: CurrentRecord; subject: string } | null;

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

function MyDayLists({ day, userId }: { day: MyDay; userId: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { remove, restore } = useRemoveTaskFromDay(userId);
  const [follow, setFollow] = useState<Follow>(null);
  const taskLine = (task: MyDay['dueToday'][number]) => (
    <TaskLine key={task.id} task={task} onCompleting={remove} onCompleteFailed={restore} />
  );
  return (
    <>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <MyDaySection
          title={t('myDay.overdue')}
          count={day.counts.overdue}
          color="red"
          empty={t('myDay.noneOverdue')}
          testId="my-day-overdue"
        >
          {day.overdue.map(taskLine)}
        </MyDaySection>
        <MyDaySection
          title={t('myDay.dueToday')}
          count={day.counts.dueToday}
          color="blue"
          empty={t('myDay.noneToday')}
          testId="my-day-due-today"
        >
          {day.dueToday.map(taskLine)}
        </MyDaySection>
        <MyDaySection
          title={t('myDay.missedCalls')}
          count={day.counts.missedCalls}
          color="orange"
          empty={t('myDay.noneMissed')}
          testId="my-day-missed-calls"
        >
          {day.missedCalls.map((call) => {
            const record = recordOf(call);
            return (
              <Group key={call.id} justify="space-between" wrap="nowrap" data-testid={`missed-call-${call.id}`}>
                <Stack gap={0} miw={0}>
                  {call.phone ? (
                    <Anchor href={phoneHref(call.phone)} size="sm">
                      {format.phone(call.phone)}
                    </Anchor>
                  ) : (
                    <Text size="sm">{t('myDay.unknownNumber')}</Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {format.instant(call.occurredAt)}
                    {record ? ` · ${record.title}` : ''}
                  </Text>
                </Stack>
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() =>
                    setFollow({
                      kind: 'call',
                      subject: t('myDay.callBack'),
                      record: {
                        kind: call.deal ? 'deal' : 'company',
                        id: call.deal?.id ?? call.company?.id ?? '',
                        title: record?.title ?? format.phone(call.phone),
                        links: {
                          ...(call.company ? { companyId: call.company.id } : {}),
                          ...(call.contact ? { contactId: call.contact.id } : {}),
                          ...(call.deal ? { dealId: call.deal.id } : {}),
                          ...(call.lead ? { leadId: call.lead.id } : {}),
                        },
                      },
                    })
                  }
                >
                  {t('myDay.logCallBack')}
                </Button>
              </Group>
            );
          })}
        </MyDaySection>
        <MyDaySection
          title={t('myDay.dealsWithoutNextStep')}
          count={day.counts.dealsWithoutNextStep}
          color="red"
          empty={t('myDay.noneDeals')}
          testId="my-day-deals"
        >
          {day.dealsWithoutNextStep.map((item) => (
            <Group key={item.deal.id} justify="space-between" wrap="nowrap" data-testid={`my-day-deal-${item.deal.id}`}>
              <Stack gap={0} miw={0}>
                <RecordLink to={RECORD_PATHS.deal(item.deal.id)}>{item.deal.title}</RecordLink>
                <Text size="xs" c="dimmed">
                  {[item.company?.title, item.stageName, format.money(item.amountMinor, item.currency)]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
              <Button
                size="compact-xs"
                variant="light"
                onClick={() =>
                  setFollow({
                    kind: 'task',
                    subject: '',
                    record: {
                      kind: 'deal',
                      id: item.deal.id,
                      title: item.deal.title,
                      links: { dealId: item.deal.id, ...(item.company ? { companyId: item.company.id } : {}) },
                    },
                  })
                }
              >
                {t('myDay.planNext')}
              </Button>
            </Group>
          ))}
        </MyDaySection>
        <MyDaySection
          title={t('myDay.leadsWaiting')}
          count={day.counts.leadsWaiting}
          color="red"
          empty={t('myDay.noneLeads')}
          testId="my-day-leads"
        >
          {day.leadsWaiting.map((item) => (
            <Group key={item.lead.id} justify="space-between" wrap="nowrap" data-testid={`my-day-lead-${item.lead.id}`}>
              <Stack gap={0} miw={0}>
                <RecordLink to={RECORD_PATHS.lead(item.lead.id)}>{item.lead.title}</RecordLink>
                <Text size="xs" c="dimmed">
                  {[item.companyName, item.contactName, item.phone ? format.phone(item.phone) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
              <Text size="xs" c="red" style={{ whiteSpace: 'nowrap' }}>
                {t('myDay.waiting', {
                  waited: format.duration(item.waitingMs),
                  target: format.duration(item.targetMs),
                })}
              </Text>
            </Group>
          ))}
        </MyDaySection>
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
