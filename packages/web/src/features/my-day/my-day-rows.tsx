import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import type { MyDay } from '@pulse/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { phoneHref } from '../../shared/phone.ts';
import { useFormat } from '../../shared/use-format.ts';
import { RECORD_PATHS, RecordLink } from '../crm/RecordLink.tsx';
import { recordOf } from '../crm/record-of.ts';
import type { CurrentRecord } from '../quick-create/current-record.tsx';
import type { QuickKind } from '../quick-create/quick-values.ts';

/** What quick create opens with when the user follows up an item. */
export interface Follow {
  kind: QuickKind;
  record?: CurrentRecord;
  subject: string;
}

interface MyDayRowProps {
  /** The record or number the row is about, usually a link. */
  title: ReactNode;
  /** One dimmed line under the title. */
  details: string;
  /** What sits at the right: a follow-up button or a note. */
  aside: ReactNode;
  testId: string;
}

/** One item of a "My day" list other than a task. */
function MyDayRow({ title, details, aside, testId }: MyDayRowProps) {
  return (
    <Group justify="space-between" wrap="nowrap" data-testid={testId}>
      <Stack gap={0} miw={0}>
        {title}
        <Text size="xs" c="dimmed">
          {details}
        </Text>
      </Stack>
      {aside}
    </Group>
  );
}

function FollowButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <Button size="compact-xs" variant="light" onClick={onClick}>
      {label}
    </Button>
  );
}

/** A missed call, to be called back (logged against the most specific record it is about). */
export function MissedCallRow({ call, onFollow }: { call: MyDay['missedCalls'][number]; onFollow(f: Follow): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const record = recordOf(call);
  const follow = () =>
    onFollow({
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
    });
  return (
    <MyDayRow
      testId={`missed-call-${call.id}`}
      title={
        call.phone ? (
          <Anchor href={phoneHref(call.phone)} size="sm">
            {format.phone(call.phone)}
          </Anchor>
        ) : (
          <Text size="sm">{t('myDay.unknownNumber')}</Text>
        )
      }
      details={`${format.instant(call.occurredAt)}${record ? ` · ${record.title}` : ''}`}
      aside={<FollowButton label={t('myDay.logCallBack')} onClick={follow} />}
    />
  );
}

/** An open deal with no next step, to plan one. */
export function DealRow({
  item,
  onFollow,
}: {
  item: MyDay['dealsWithoutNextStep'][number];
  onFollow(f: Follow): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const follow = () =>
    onFollow({
      kind: 'task',
      subject: '',
      record: {
        kind: 'deal',
        id: item.deal.id,
        title: item.deal.title,
        links: { dealId: item.deal.id, ...(item.company ? { companyId: item.company.id } : {}) },
      },
    });
  return (
    <MyDayRow
      testId={`my-day-deal-${item.deal.id}`}
      title={<RecordLink to={RECORD_PATHS.deal(item.deal.id)}>{item.deal.title}</RecordLink>}
      details={[item.company?.title, item.stageName, format.money(item.amountMinor, item.currency)]
        .filter(Boolean)
        .join(' · ')}
      aside={<FollowButton label={t('myDay.planNext')} onClick={follow} />}
    />
  );
}

/** A lead waiting longer than the target, with how long it has waited. */
export function LeadRow({ item }: { item: MyDay['leadsWaiting'][number] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <MyDayRow
      testId={`my-day-lead-${item.lead.id}`}
      title={<RecordLink to={RECORD_PATHS.lead(item.lead.id)}>{item.lead.title}</RecordLink>}
      details={[item.companyName, item.contactName, item.phone ? format.phone(item.phone) : null]
        .filter(Boolean)
        .join(' · ')}
      aside={
        <Text size="xs" c="red" style={{ whiteSpace: 'nowrap' }}>
          {t('myDay.waiting', { waited: format.duration(item.waitingMs), target: format.duration(item.targetMs) })}
        </Text>
      }
    />
  );
}
