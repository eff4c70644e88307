import { Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import type { Company } from '@pulse/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError } from '../../shared/notify.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { useMe } from '../auth/session.tsx';
import { ContactCreateModal } from '../contacts/ContactCreateModal.tsx';
import { EmailsView, PhonesView } from '../crm/ContactPointsView.tsx';
import { LIFECYCLE_COLORS } from '../crm/labels.ts';
import { canCreateDeals, canEditClients } from '../crm/permissions.ts';
import { Facts, RecordHeader } from '../crm/RecordHeader.tsx';
import { RECORD_PATHS, RecordLink } from '../crm/RecordLink.tsx';
import { UserName } from '../crm/UserName.tsx';
import { DealCreateModal } from '../deals/DealCreateModal.tsx';
import { useDealList } from '../deals/deal-list.tsx';
import { EntityList } from '../list/EntityList.tsx';
import { useAnnounceRecord } from '../quick-create/current-record.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { CompanyDuplicatesModal } from './CompanyDuplicatesModal.tsx';
import { CompanyEditModal } from './CompanyEditModal.tsx';
import { useArchiveCompany, useCompany } from './use-companies.ts';

type Dialog = 'edit' | 'duplicates' | 'contact' | 'deal' | null;

export function CompanyPage() {
  const { id = '' } = useParams();
  const company = useCompany(id);
  if (company.isPending) return <CenteredLoader />;
  if (company.isError) return <QueryError error={company.error} onRetry={() => void company.refetch()} />;
  return <CompanyView company={company.data} />;
}

function CompanyView({ company }: { company: Company }) {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const archive = useArchiveCompany(company.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const editable = canEditClients(me) && company.mergedIntoId === null;
  const fixed = useMemo(() => ({ companyId: company.id }), [company.id]);
  const deals = useDealList(fixed);
  useAnnounceRecord({ kind: 'company', id: company.id, title: company.name, links: { companyId: company.id } });

  return (
    <Stack gap="md">
      <RecordHeader
        back={{ to: '/companies', label: t('companies.title') }}
        title={company.name}
        badges={
          <>
            <Badge variant="light" color={LIFECYCLE_COLORS[company.lifecycle]} data-testid="company-lifecycle">
              {t(`crm.lifecycle.${company.lifecycle}`)}
            </Badge>
            {company.isKeyAccount && <Badge>{t('companies.fields.keyAccount')}</Badge>}
            {company.channel && <Badge variant="outline">{t(`crm.channel.${company.channel}`)}</Badge>}
            {company.archivedAt && (
              <Badge color="gray">{company.mergedIntoId ? t('companies.merged') : t('crm.archived.true')}</Badge>
            )}
          </>
        }
        actions={
          editable && (
            <>
              <Button variant="default" onClick={() => setDialog('edit')} data-testid="company-edit">
                {t('common.edit')}
              </Button>
              <Button variant="default" onClick={() => setDialog('duplicates')} data-testid="company-find-duplicates">
                {t('companies.findDuplicates')}
              </Button>
              <Button
                variant="subtle"
                color={company.archivedAt ? 'teal' : 'red'}
                loading={archive.isPending}
                onClick={() =>
                  archive.mutate(
                    { archived: !company.archivedAt, version: company.version },
                    { onError: (error) => notifyError(errorMessage(error)) },
                  )
                }
                data-testid="company-archive"
              >
                {company.archivedAt ? t('companies.unarchive') : t('companies.archive')}
              </Button>
            </>
          )
        }
      />
      <Card withBorder>
        <Facts
          items={[
            { label: t('companies.fields.inn'), value: company.inn ?? t('common.none'), testId: 'company-inn' },
            { label: t('companies.fields.kpp'), value: company.kpp ?? t('common.none') },
            { label: t('companies.fields.legalName'), value: company.legalName ?? t('common.none') },
            { label: t('companies.fields.owner'), value: <UserName id={company.ownerId} /> },
            { label: t('companies.fields.industry'), value: company.industry ?? t('common.none') },
            {
              label: t('companies.fields.size'),
              value: company.size ? t(`crm.size.${company.size}`) : t('common.none'),
            },
            {
              label: t('companies.fields.city'),
              value: [company.region, company.city].filter(Boolean).join(', ') || t('common.none'),
            },
            { label: t('companies.fields.segment'), value: company.segment ?? t('common.none') },
            { label: t('crm.phones'), value: <PhonesView phones={company.phones} /> },
            { label: t('crm.emails'), value: <EmailsView emails={company.emails} /> },
            { label: t('companies.fields.lastPurchase'), value: format.day(company.lastPurchaseDay) },
            { label: t('companies.openDeals'), value: String(company.openDealCount) },
          ]}
        />
        {company.notes && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {company.notes}
          </Text>
        )}
      </Card>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Title order={2} size="h4" mb="xs">
            {t('timeline.title')}
          </Title>
          <Timeline link={{ companyId: company.id }} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="md">
            <Card withBorder>
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4">
                  {t('companies.contacts')}
                </Title>
                {editable && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setDialog('contact')}
                    data-testid="company-add-contact"
                  >
                    {t('contacts.create')}
                  </Button>
                )}
              </Group>
              <Stack gap={4} data-testid="company-contacts">
                {company.contacts.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('companies.noContacts')}
                  </Text>
                )}
                {company.contacts.map((contact) => (
                  <Group key={contact.id} gap="xs">
                    <RecordLink to={RECORD_PATHS.contact(contact.id)}>{contact.fullName}</RecordLink>
                    {contact.position && (
                      <Text size="xs" c="dimmed">
                        {contact.position}
                      </Text>
                    )}
                    {contact.isDecisionMaker && (
                      <Badge size="xs" variant="light">
                        {t('contacts.decisionMaker')}
                      </Badge>
                    )}
                  </Group>
                ))}
              </Stack>
            </Card>
            <Card withBorder>
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4">
                  {t('deals.title')}
                </Title>
                {canCreateDeals(me) && (
                  <Button size="xs" variant="light" onClick={() => setDialog('deal')} data-testid="company-add-deal">
                    {t('deals.create')}
                  </Button>
                )}
              </Group>
              <EntityList definition={deals} compact height="360px" />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <CompanyEditModal company={company} opened={dialog === 'edit'} onClose={() => setDialog(null)} />
      <CompanyDuplicatesModal
        company={company}
        opened={dialog === 'duplicates'}
        canMerge={editable}
        onClose={() => setDialog(null)}
      />
      <ContactCreateModal opened={dialog === 'contact'} companyId={company.id} onClose={() => setDialog(null)} />
      <DealCreateModal opened={dialog === 'deal'} preset={{ companyId: company.id }} onClose={() => setDialog(null)} />
    </Stack>
  );
}
