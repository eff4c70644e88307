import { Badge, Button, Card, Grid, Stack, Text, Title } from '@mantine/core';
import type { LeadDetail } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { useMe } from '../auth/session.tsx';
import { canRecordWork } from '../crm/permissions.ts';
import { Facts, RecordHeader } from '../crm/RecordHeader.tsx';
import { RECORD_PATHS, RecordLink } from '../crm/RecordLink.tsx';
import { useAnnounceRecord } from '../quick-create/current-record.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { ConvertLeadModal } from './ConvertLeadModal.tsx';
import { DisqualifyModal, HandOffModal } from './LeadActionModals.tsx';
import { LeadFormModal } from './LeadFormModal.tsx';
import { LEAD_STATUS_COLORS } from './lead-list.tsx';
import { QualificationCard } from './QualificationCard.tsx';
import { useLead } from './use-leads.ts';

type Dialog = 'edit' | 'disqualify' | 'handOff' | 'convert' | null;

export function LeadPage() {
  const { id = '' } = useParams();
  const lead = useLead(id);
  if (lead.isPending) return <CenteredLoader />;
  if (lead.isError) return <QueryError error={lead.error} onRetry={() => void lead.refetch()} />;
  return <LeadView lead={lead.data} />;
}

function LeadView({ lead }: { lead: LeadDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const [dialog, setDialog] = useState<Dialog>(null);
  const editable = canRecordWork(me) && lead.status !== 'converted';
  const handable = lead.status === 'qualified' || lead.status === 'handed_off';
  useAnnounceRecord({ kind: 'lead', id: lead.id, title: lead.title, links: { leadId: lead.id } });

  return (
    <Stack gap="md">
      <RecordHeader
        back={{ to: '/leads', label: t('leads.title') }}
        title={lead.title}
        badges={
          <>
            <Badge variant="light" color={LEAD_STATUS_COLORS[lead.status]} data-testid="lead-status">
              {t(`crm.leadStatus.${lead.status}`)}
            </Badge>
            <Badge variant="outline">{t(`crm.leadSource.${lead.source}`)}</Badge>
            {lead.overdueResponse && <Badge color="red">{t('leads.late')}</Badge>}
          </>
        }
        actions={
          editable && (
            <>
              <Button variant="default" onClick={() => setDialog('edit')} data-testid="lead-edit">
                {t('common.edit')}
              </Button>
              {handable && (
                <Button variant="light" onClick={() => setDialog('handOff')} data-testid="lead-handoff">
                  {t('leads.handOff.action')}
                </Button>
              )}
              {handable && (
                <Button onClick={() => setDialog('convert')} data-testid="lead-convert">
                  {t('leads.convert.action')}
                </Button>
              )}
              {lead.status !== 'unqualified' && (
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => setDialog('disqualify')}
                  data-testid="lead-disqualify"
                >
                  {t('leads.disqualify.action')}
                </Button>
              )}
            </>
          )
        }
      />
      <Card withBorder>
        <Facts
          items={[
            { label: t('leads.fields.companyName'), value: lead.companyName ?? t('common.none') },
            { label: t('leads.fields.inn'), value: lead.inn ?? t('common.none') },
            { label: t('leads.fields.contactName'), value: lead.contactName ?? t('common.none') },
            { label: t('crm.phone'), value: format.phone(lead.phone) },
            { label: t('crm.email'), value: lead.email ?? t('common.none') },
            { label: t('leads.fields.qualifier'), value: lead.qualifier?.fullName ?? t('common.none') },
            {
              label: t('leads.fields.assignee'),
              value: lead.assignee?.fullName ?? t('common.none'),
              testId: 'lead-assignee',
            },
            { label: t('leads.fields.arrivedAt'), value: format.instant(lead.arrivedAt) },
            { label: t('leads.fields.firstTouch'), value: format.instant(lead.firstTouchAt) },
            {
              label: t('leads.fields.response'),
              value:
                lead.responseMs !== null
                  ? format.duration(lead.responseMs)
                  : lead.waitingMs !== null
                    ? t('leads.waitingFor', { time: format.duration(lead.waitingMs) })
                    : t('common.none'),
            },
            { label: t('leads.fields.target'), value: format.duration(lead.responseTargetMinutes * 60_000) },
            ...(lead.unqualifiedReason
              ? [{ label: t('leads.fields.unqualifiedReason'), value: lead.unqualifiedReason }]
              : []),
            ...(lead.companyId
              ? [
                  {
                    label: t('leads.convert.company'),
                    value: (
                      <RecordLink to={RECORD_PATHS.company(lead.companyId)}>
                        {lead.companyName ?? lead.title}
                      </RecordLink>
                    ),
                  },
                ]
              : []),
            ...(lead.dealId
              ? [
                  {
                    label: t('deals.fields.title'),
                    value: <RecordLink to={RECORD_PATHS.deal(lead.dealId)}>{t('leads.openDeal')}</RecordLink>,
                  },
                ]
              : []),
          ]}
        />
        {lead.notes && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {lead.notes}
          </Text>
        )}
      </Card>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <QualificationCard key={`${lead.id}:${lead.version}`} lead={lead} editable={editable} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Title order={2} size="h4" mb="xs">
            {t('timeline.title')}
          </Title>
          <Timeline link={{ leadId: lead.id }} />
        </Grid.Col>
      </Grid>
      <LeadFormModal lead={lead} opened={dialog === 'edit'} onClose={() => setDialog(null)} />
      <DisqualifyModal lead={lead} opened={dialog === 'disqualify'} onClose={() => setDialog(null)} />
      <HandOffModal lead={lead} opened={dialog === 'handOff'} onClose={() => setDialog(null)} />
      <ConvertLeadModal lead={lead} opened={dialog === 'convert'} onClose={() => setDialog(null)} />
    </Stack>
  );
}
