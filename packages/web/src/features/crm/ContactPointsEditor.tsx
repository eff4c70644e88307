import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { ClientEmailLabel, ClientPhoneLabel } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';

export type PhoneLabel = (typeof ClientPhoneLabel.options)[number];
export type EmailLabel = (typeof ClientEmailLabel.options)[number];
export interface PhoneValue {
  number: string;
  label: PhoneLabel;
}
export interface EmailValue {
  email: string;
  label: EmailLabel;
}

interface Props {
  phones: PhoneValue[];
  emails: EmailValue[];
  onPhones(phones: PhoneValue[]): void;
  onEmails(emails: EmailValue[]): void;
  /** Errors by 'phones.<i>' / 'emails.<i>' or for the whole list. */
  errors: Partial<Record<string, string>>;
  testId: string;
}

function replaceAt<T>(items: T[], index: number, item: T): T[] {
  return items.map((current, i) => (i === index ? item : current));
}

/** Several phones and e-mails, each with a label; the server normalises phones to E.164. */
export function ContactPointsEditor({ phones, emails, onPhones, onEmails, errors, testId }: Props) {
  const { t } = useTranslation();
  const phoneLabels = ClientPhoneLabel.options.map((value) => ({ value, label: t(`crm.phoneLabel.${value}`) }));
  const emailLabels = ClientEmailLabel.options.map((value) => ({ value, label: t(`crm.emailLabel.${value}`) }));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('crm.phones')}
      </Text>
      {phones.map((phone, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved
        <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            value={phone.number}
            onChange={(event) => onPhones(replaceAt(phones, index, { ...phone, number: event.currentTarget.value }))}
            placeholder="+7 495 123-45-67"
            aria-label={t('crm.phone')}
            error={errors[`phones.${index}`] ?? (index === 0 ? errors.phones : undefined)}
            style={{ flex: 1 }}
            type="tel"
            data-testid={`${testId}-phone-${index}`}
          />
          <Select
            data={phoneLabels}
            value={phone.label}
            onChange={(value) => {
              const label = ClientPhoneLabel.safeParse(value);
              if (label.success) onPhones(replaceAt(phones, index, { ...phone, label: label.data }));
            }}
            allowDeselect={false}
            aria-label={t('crm.label')}
            w={130}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="input-sm"
            onClick={() => onPhones(phones.filter((_, i) => i !== index))}
            aria-label={t('crm.removePhone')}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => onPhones([...phones, { number: '', label: 'work' }])}
        style={{ alignSelf: 'flex-start' }}
        data-testid={`${testId}-add-phone`}
      >
        {t('crm.addPhone')}
      </Button>
      <Text size="sm" fw={500}>
        {t('crm.emails')}
      </Text>
      {emails.map((email, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved
        <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            value={email.email}
            onChange={(event) => onEmails(replaceAt(emails, index, { ...email, email: event.currentTarget.value }))}
            placeholder="name@example.ru"
            aria-label={t('crm.email')}
            error={errors[`emails.${index}`] ?? (index === 0 ? errors.emails : undefined)}
            style={{ flex: 1 }}
            type="email"
            data-testid={`${testId}-email-${index}`}
          />
          <Select
            data={emailLabels}
            value={email.label}
            onChange={(value) => {
              const label = ClientEmailLabel.safeParse(value);
              if (label.success) onEmails(replaceAt(emails, index, { ...email, label: label.data }));
            }}
            allowDeselect={false}
            aria-label={t('crm.label')}
            w={130}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="input-sm"
            onClick={() => onEmails(emails.filter((_, i) => i !== index))}
            aria-label={t('crm.removeEmail')}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => onEmails([...emails, { email: '', label: 'work' }])}
        style={{ alignSelf: 'flex-start' }}
        data-testid={`${testId}-add-email`}
      >
        {t('crm.addEmail')}
      </Button>
    </Stack>
  );
}

/** Blank rows are dropped before sending. */
export function filledPhones(phones: PhoneValue[]): PhoneValue[] {
  return phones.filter((phone) => phone.number.trim() !== '');
}
export function filledEmails(emails: EmailValue[]): EmailValue[] {
  return emails.filter((email) => email.email.trim() !== '');
}
