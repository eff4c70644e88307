import { Button, Checkbox, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type ClientDuplicate, ConvertLeadRequest, type LeadDetail } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { MoneyInput } from '../../shared/MoneyInput.tsx';
import { parseMoneyInput } from '../../shared/money.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { useMe } from '../auth/session.tsx';
import { InnTakenAlert, innDuplicates } from '../companies/CompanyCreateModal.tsx';
import { CompanyPicker } from '../companies/CompanyPicker.tsx';
import { ContactPicker } from '../contacts/ContactPicker.tsx';
import { useConvertLead } from './use-leads.ts';

type Choice = 'new' | 'existing';
type CompanyPart = ConvertLeadRequest['company'];
const optional = (text: string) => (text.trim() ? text.trim() : undefined);

/** Turns a qualified lead into a company (new or existing), a contact and a deal, keeping its history. */
export function ConvertLeadModal({ lead, opened, onClose }: { lead: LeadDetail; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.convert.title')} size="lg">
      {opened && <ConvertForm lead={lead} onClose={onClose} />}
    </Modal>
  );
}

function ConvertForm({ lead, onClose }: { lead: LeadDetail; onClose(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const convert = useConvertLead(lead.id);
  const [companyMode, setCompanyMode] = useState<Choice>('new');
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [companyName, setCompanyName] = useState(lead.companyName ?? lead.title);
  const [inn, setInn] = useState(lead.inn ?? '');
  const [contactMode, setContactMode] = useState<Choice | 'none'>(lead.contactName ? 'new' : 'none');
  const [contactId, setContactId] = useState<string | null>(null);
  const [contactName, setContactName] = useState(lead.contactName ?? '');
  const [withDeal, setWithDeal] = useState(true);
  const [dealTitle, setDealTitle] = useState(lead.title);
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  // The companies that already have the INN of the new one, after the server refused it.
  const [innTaken, setInnTaken] = useState<ClientDuplicate[] | null>(null);

  function newCompany(allowDuplicate: boolean): CompanyPart {
    return {
      name: companyName,
      inn: optional(inn),
      phone: lead.contactName ? undefined : (lead.phone ?? undefined),
      email: lead.contactName ? undefined : (lead.email ?? undefined),
      allowDuplicate,
    };
  }

  function linkInstead(duplicate: ClientDuplicate) {
    setCompanyMode('existing');
    setCompanyId(duplicate.id);
    send({ id: duplicate.id });
  }

  function send(company: CompanyPart) {
    const amountMinor = amount.trim() ? parseMoneyInput(amount, me.organization.currency) : 0;
    if (amountMinor === null) return setErrors({ amountMinor: t('validation.amount') });
    const contact =
      contactMode === 'none'
        ? null
        : contactMode === 'existing'
          ? { id: contactId ?? '' }
          : { fullName: contactName, phone: lead.phone ?? undefined, email: lead.email ?? undefined };
    const checked = checkWith(ConvertLeadRequest, {
      company,
      contact,
      deal: withDeal ? { title: dealTitle, amountMinor } : null,
      version: lead.version,
    });
    if (!checked.ok) return setErrors(fromIssues(checked.issues));
    setErrors({});
    convert.mutate(checked.data, {
      // The lead page then links the new company and deal; they may belong to the sales manager
      // the lead was handed to, out of a lead-generation specialist's sight.
      onSuccess: () => {
        notifySuccess(t('leads.convert.done'));
        onClose();
      },
      onError: (error) => {
        const sameInn = innDuplicates(error, 'body.company.inn');
        setInnTaken(sameInn);
        if (sameInn) return;
        setErrors(fromError(error));
        notifyError(errorMessage(error));
      },
    });
  }

  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        send(companyMode === 'existing' ? { id: companyId ?? '' } : newCompany(false));
      }}
      noValidate
    >
      <Stack gap="sm">
        <Text fw={600}>{t('leads.convert.company')}</Text>
        <SegmentedControl
          value={companyMode}
          onChange={(value) => setCompanyMode(value === 'existing' ? 'existing' : 'new')}
          data={[
            { value: 'new', label: t('leads.convert.createNew') },
            { value: 'existing', label: t('leads.convert.useExisting') },
          ]}
        />
        {companyMode === 'existing' ? (
          <CompanyPicker
            label={t('deals.fields.company')}
            value={companyId}
            onChange={setCompanyId}
            error={errors.company}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('companies.fields.name')}
              value={companyName}
              onChange={(event) => setCompanyName(event.currentTarget.value)}
              error={errors['company.name'] ?? errors.company}
              required
              data-testid="convert-company-name"
            />
            <TextInput
              label={t('companies.fields.inn')}
              value={inn}
              onChange={(event) => {
                setInn(event.currentTarget.value);
                setInnTaken(null);
              }}
              error={errors['company.inn']}
              data-testid="convert-company-inn"
            />
          </SimpleGrid>
        )}
        {innTaken && companyMode === 'new' && (
          <InnTakenAlert
            duplicates={innTaken}
            onCreateAnyway={() => send(newCompany(true))}
            pending={convert.isPending}
            testId="convert-inn-taken"
          >
            {innTaken.map((duplicate) => (
              <Button
                key={duplicate.id}
                size="xs"
                variant="light"
                onClick={() => linkInstead(duplicate)}
                loading={convert.isPending}
                data-testid={`convert-inn-taken-link-${duplicate.id}`}
              >
                {t('leads.convert.linkTo', { name: duplicate.name })}
              </Button>
            ))}
          </InnTakenAlert>
        )}
        <Text fw={600}>{t('leads.convert.contact')}</Text>
        <SegmentedControl
          value={contactMode}
          onChange={(value) => setContactMode(value === 'existing' || value === 'new' ? value : 'none')}
          data={[
            { value: 'new', label: t('leads.convert.createNew') },
            { value: 'existing', label: t('leads.convert.useExisting') },
            { value: 'none', label: t('leads.convert.noContact') },
          ]}
        />
        {contactMode === 'existing' && (
          <ContactPicker
            label={t('deals.fields.contact')}
            companyId={companyMode === 'existing' ? companyId : null}
            value={contactId}
            onChange={setContactId}
            error={errors.contact}
          />
        )}
        {contactMode === 'new' && (
          <TextInput
            label={t('contacts.fields.fullName')}
            value={contactName}
            onChange={(event) => setContactName(event.currentTarget.value)}
            error={errors['contact.fullName'] ?? errors.contact}
            required
          />
        )}
        <Checkbox
          label={t('leads.convert.withDeal')}
          checked={withDeal}
          onChange={(event) => setWithDeal(event.currentTarget.checked)}
        />
        {withDeal && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('deals.fields.title')}
              value={dealTitle}
              onChange={(event) => setDealTitle(event.currentTarget.value)}
              error={errors['deal.title'] ?? errors.deal}
              required
            />
            <MoneyInput
              label={t('deals.fields.amount')}
              value={amount}
              onChange={setAmount}
              currency={me.organization.currency}
              error={errors.amountMinor ?? errors['deal.amountMinor']}
            />
          </SimpleGrid>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={convert.isPending} data-testid="lead-convert-confirm">
            {t('leads.convert.action')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
