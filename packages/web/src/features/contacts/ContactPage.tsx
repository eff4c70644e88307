import { Badge, Button, Card, Grid, Stack, Text, Title } from '@mantine/core';
import type { Contact } from '@pulse/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError } from '../../shared/notify.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import { useMe } from '../auth/session.tsx';
import { EmailsView, PhonesView } from '../crm/ContactPointsView.tsx';
import { DuplicatesModal } from '../crm/DuplicatesModal.tsx';
import { LIFECYCLE_COLORS } from '../crm/labels.ts';
import { canEditClients } from '../crm/permissions.ts';
import { Facts, RecordHeader } from '../crm/RecordHeader.tsx';
import { RECORD_PATHS, RecordLink } from '../crm/RecordLink.tsx';
import { UserName } from '../crm/UserName.tsx';
import { useDealList } from '../deals/deal-list.tsx';
import { EntityList } from '../list/EntityList.tsx';
import { useAnnounceRecord } from '../quick-create/current-record.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { ContactEditModal } from './ContactEditModal.tsx';
import { useArchiveContact, useContact, useContactDuplicates, useMergeContact } from './use-contacts.ts';

export function ContactPage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  if (contact.isPending) return <CenteredLoader />;
  if (contact.isError) return <QueryError error={contact.error} onRetry={() => void contact.refetch()} />;
  return <ContactView contact={contact.data} />;
}

function ContactView({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const archive = useArchiveContact(contact.id);
  const merge = useMergeContact();
  const [dialog, setDialog] = useState<'edit' | 'duplicates' | null>(null);
  const duplicates = useContactDuplicates(contact.id, dialog === 'duplicates');
  const editable = canEditClients(me) && contact.mergedIntoId === null;
  const fixed = useMemo(() => ({ contactId: contact.id }), [contact.id]);
  const deals = useDealList(fixed);
  useAnnounceRecord({
    kind: 'contact',
    id: contact.id,
    title: contact.fullName,
    links: { contactId: contact.id, ...(contact.companyId ? { companyId: contact.companyId } : {}) },
  });

  return (
    <Stack gap="md">
      <RecordHeader
        back={{ to: '/contacts', label: t('contacts.title') }}
        title={contact.fullName}
        badges={
          <>
            {contact.isDecisionMaker && <Badge>{t('contacts.decisionMakerLong')}</Badge>}
            {contact.lifecycle && (
              <Badge variant="light" color={LIFECYCLE_COLORS[contact.lifecycle]}>
                {t(`crm.lifecycle.${contact.lifecycle}`)}
              </Badge>
            )}
            {contact.archivedAt && <Badge color="gray">{t('crm.archived.true')}</Badge>}
          </>
        }
        actions={
          editable && (
            <>
              <Button variant="default" onClick={() => setDialog('edit')} data-testid="contact-edit">
                {t('common.edit')}
              </Button>
              <Button variant="default" onClick={() => setDialog('duplicates')} data-testid="contact-find-duplicates">
                {t('companies.findDuplicates')}
              </Button>
              <Button
                variant="subtle"
                color={contact.archivedAt ? 'teal' : 'red'}
                loading={archive.isPending}
                onClick={() =>
                  archive.mutate(
                    { archived: !contact.archivedAt, version: contact.version },
                    { onError: (error) => notifyError(errorMessage(error)) },
                  )
                }
              >
                {contact.archivedAt ? t('companies.unarchive') : t('companies.archive')}
              </Button>
            </>
          )
        }
      />
      <Card withBorder>
        <Facts
          items={[
            { label: t('contacts.fields.position'), value: contact.position ?? t('common.none') },
            {
              label: t('contacts.fields.company'),
              value: contact.companyId ? (
                <RecordLink to={RECORD_PATHS.company(contact.companyId)}>{contact.companyName}</RecordLink>
              ) : (
                t('common.none')
              ),
            },
            { label: t('companies.fields.owner'), value: <UserName id={contact.ownerId} /> },
            { label: t('companies.fields.source'), value: contact.source ?? t('common.none') },
            { label: t('crm.phones'), value: <PhonesView phones={contact.phones} /> },
            { label: t('crm.emails'), value: <EmailsView emails={contact.emails} /> },
            { label: t('companies.openDeals'), value: String(contact.openDealCount) },
          ]}
        />
        {contact.notes && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {contact.notes}
          </Text>
        )}
      </Card>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Title order={2} size="h4" mb="xs">
            {t('timeline.title')}
          </Title>
          <Timeline link={{ contactId: contact.id }} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('deals.title')}
            </Title>
            <EntityList definition={deals} compact height="360px" />
          </Card>
        </Grid.Col>
      </Grid>
      <ContactEditModal contact={contact} opened={dialog === 'edit'} onClose={() => setDialog(null)} />
      <DuplicatesModal
        record={{ id: contact.id, name: contact.fullName }}
        opened={dialog === 'duplicates'}
        canMerge={editable}
        onClose={() => setDialog(null)}
        title={t('companies.findDuplicates')}
        testId="contact-duplicates"
        path={RECORD_PATHS.contact}
        duplicates={duplicates}
        merge={merge}
      />
    </Stack>
  );
}
