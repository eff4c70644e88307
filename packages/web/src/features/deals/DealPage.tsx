import { Badge, Button, Card, Stack, Text, Title } from '@mantine/core';
import type { DealDetails } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { useMe } from '../auth/session.tsx';
import { DEAL_STATUS_COLORS } from '../crm/labels.ts';
import { canCreateDeals } from '../crm/permissions.ts';
import { Facts, RecordHeader } from '../crm/RecordHeader.tsx';
import { RECORD_PATHS, RecordLink } from '../crm/RecordLink.tsx';
import { useAnnounceRecord } from '../quick-create/current-record.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { DealEditModal } from './DealEditModal.tsx';
import { DealFlags } from './DealFlags.tsx';
import { LinesEditor } from './LinesEditor.tsx';
import { StageBar } from './StageBar.tsx';
import { useDeal } from './use-deals.ts';

export function DealPage() {
  const { id = '' } = useParams();
  const deal = useDeal(id);
  if (deal.isPending) return <CenteredLoader />;
  if (deal.isError) return <QueryError error={deal.error} onRetry={() => void deal.refetch()} />;
  return <DealView deal={deal.data} />;
}

function DealView({ deal }: { deal: DealDetails }) {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  // The server decides finally (owner, their head, director, admin); the page offers edits to sellers.
  const editable = canCreateDeals(me);
  useAnnounceRecord({
    kind: 'deal',
    id: deal.id,
    title: deal.title,
    links: {
      dealId: deal.id,
      ...(deal.companyId ? { companyId: deal.companyId } : {}),
      ...(deal.contactId ? { contactId: deal.contactId } : {}),
    },
  });

  return (
    <Stack gap="md">
      <RecordHeader
        back={{ to: '/deals', label: t('deals.title') }}
        title={deal.title}
        badges={
          <>
            <Badge variant="light" color={DEAL_STATUS_COLORS[deal.status]} data-testid="deal-status">
              {t(`crm.dealStatus.${deal.status}`)}
            </Badge>
            <Badge variant="outline" data-testid="deal-stage">
              {deal.stageName}
            </Badge>
            <DealFlags isRotting={deal.isRotting} noNextStep={deal.noNextStep} testId="deal" />
          </>
        }
        actions={
          editable && (
            <Button variant="default" onClick={() => setEditing(true)} data-testid="deal-edit">
              {t('common.edit')}
            </Button>
          )
        }
      />
      <StageBar deal={deal} editable={editable} />
      <Card withBorder>
        <Facts
          items={[
            {
              label: t('deals.fields.amount'),
              value: format.money(deal.amountMinor, deal.currency),
              testId: 'deal-amount',
            },
            { label: t('deals.fields.probability'), value: `${deal.probability} %` },
            {
              label: t('deals.fields.company'),
              value: deal.companyId ? (
                <RecordLink to={RECORD_PATHS.company(deal.companyId)}>{deal.companyName}</RecordLink>
              ) : (
                t('common.none')
              ),
            },
            {
              label: t('deals.fields.contact'),
              value: deal.contactId ? (
                <RecordLink to={RECORD_PATHS.contact(deal.contactId)}>{deal.contactName}</RecordLink>
              ) : (
                t('common.none')
              ),
            },
            { label: t('deals.fields.owner'), value: deal.ownerName },
            { label: t('deals.fields.expectedClose'), value: format.day(deal.expectedCloseDate) },
            { label: t('deals.fields.pipeline'), value: deal.pipelineName },
            { label: t('deals.fields.stageEntered'), value: format.instant(deal.stageEnteredAt) },
            {
              label: t('companies.fields.channel'),
              value: deal.channel ? t(`crm.channel.${deal.channel}`) : t('common.none'),
            },
            { label: t('deals.fields.territory'), value: deal.territory ?? t('common.none') },
            { label: t('companies.fields.source'), value: deal.source ?? t('common.none') },
            { label: t('deals.fields.nextStep'), value: deal.nextStep ?? t('common.none') },
            ...(deal.status === 'lost'
              ? [
                  { label: t('deals.fields.lostReason'), value: deal.lostReasonName ?? t('common.none') },
                  { label: t('deals.fields.competitor'), value: deal.competitorName ?? t('common.none') },
                ]
              : []),
            ...(deal.closedAt ? [{ label: t('deals.fields.closedAt'), value: format.instant(deal.closedAt) }] : []),
            ...(deal.leadId
              ? [
                  {
                    label: t('deals.fromLead'),
                    value: <RecordLink to={RECORD_PATHS.lead(deal.leadId)}>{t('deals.openLead')}</RecordLink>,
                  },
                ]
              : []),
          ]}
        />
        {deal.lostComment && (
          <Text size="sm" mt="sm">
            {deal.lostComment}
          </Text>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('lines.title')}
        </Title>
        <LinesEditor deal={deal} editable={editable} />
      </Card>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('timeline.title')}
        </Title>
        <Timeline link={{ dealId: deal.id }} stageHistory={deal.stageHistory} />
      </Stack>
      <DealEditModal deal={deal} opened={editing} onClose={() => setEditing(false)} />
    </Stack>
  );
}
