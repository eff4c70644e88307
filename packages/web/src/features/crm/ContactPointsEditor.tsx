import { ActionIcon, Button, type ComboboxItem, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { ClientEmailLabel, ClientPhoneLabel } from '@pulse/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SafeParser } from '../../shared/form-errors.ts';
import { emailLabelOptions, phoneLabelOptions } from './labels.ts';

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

/** Errors by 'phones.<i>' / 'emails.<i>' or for the whole list. */
type PointErrors = Partial<Record<string, string>>;

interface Props {
  phones: PhoneValue[];
  emails: EmailValue[];
  onPhones(phones: PhoneValue[]): void;
  onEmails(emails: EmailValue[]): void;
  errors: PointErrors;
  testId: string;
}

/** Several phones and e-mails, each with a label; the server normalises phones to E.164. */
export function ContactPointsEditor({ phones, emails, onPhones, onEmails, errors, testId }: Props) {
  return (
    <Stack gap="xs">
      <PointList kind={PHONES} rows={phones} onChange={onPhones} errors={errors} testId={testId} />
      <PointList kind={EMAILS} rows={emails} onChange={onEmails} errors={errors} testId={testId} />
    </Stack>
  );
}

/** A phone or an e-mail row: the typed text under `K`, and its label. */
type PointRow<K extends string, L extends string> = Record<K, string> & { label: L };

/** What tells the phone list from the e-mail list. */
interface PointKind<K extends string, L extends string> {
  /** The row property the text box edits. */
  textKey: K;
  /** In test ids (`…-phone-0`, `…-add-phone`) and, plural, in error keys (`phones.0`). */
  name: 'phone' | 'email';
  blank: PointRow<K, L>;
  labels: SafeParser<L>;
  labelOptions(t: TFunction): ComboboxItem[];
  placeholder: string;
  inputType: 'tel' | 'email';
  texts(t: TFunction): { title: string; input: string; remove: string; add: string };
}

const PHONES: PointKind<'number', PhoneLabel> = {
  textKey: 'number',
  name: 'phone',
  blank: { number: '', label: 'work' },
  labels: ClientPhoneLabel,
  labelOptions: phoneLabelOptions,
  placeholder: '+7 495 123-45-67',
  inputType: 'tel',
  texts: (t) => ({
    title: t('crm.phones'),
    input: t('crm.phone'),
    remove: t('crm.removePhone'),
    add: t('crm.addPhone'),
  }),
};

const EMAILS: PointKind<'email', EmailLabel> = {
  textKey: 'email',
  name: 'email',
  blank: { email: '', label: 'work' },
  labels: ClientEmailLabel,
  labelOptions: emailLabelOptions,
  placeholder: 'name@example.ru',
  inputType: 'email',
  texts: (t) => ({
    title: t('crm.emails'),
    input: t('crm.email'),
    remove: t('crm.removeEmail'),
    add: t('crm.addEmail'),
  }),
};

function replaceAt<T>(items: T[], index: number, item: T): T[] {
  return items.map((current, i) => (i === index ? item : current));
}

interface PointListProps<K extends string, L extends string> {
  kind: PointKind<K, L>;
  rows: PointRow<K, L>[];
  onChange(rows: PointRow<K, L>[]): void;
  errors: PointErrors;
  testId: string;
}

/** One titled list of rows (text and label), with a remove button a row and an add button below. */
function PointList<K extends string, L extends string>({ kind, rows, onChange, errors, testId }: PointListProps<K, L>) {
  const { t } = useTranslation();
  const texts = kind.texts(t);
  const labelOptions = kind.labelOptions(t);
  const listKey = `${kind.name}s`;
  return (
    <>
      <Text size="sm" fw={500}>
        {texts.title}
      </Text>
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved
        <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            value={row[kind.textKey]}
            onChange={(event) =>
              onChange(replaceAt(rows, index, { ...row, [kind.textKey]: event.currentTarget.value }))
            }
            placeholder={kind.placeholder}
            aria-label={texts.input}
            error={errors[`${listKey}.${index}`] ?? (index === 0 ? errors[listKey] : undefined)}
            style={{ flex: 1 }}
            type={kind.inputType}
            data-testid={`${testId}-${kind.name}-${index}`}
          />
          <Select
            data={labelOptions}
            value={row.label}
            onChange={(value) => {
              const label = kind.labels.safeParse(value);
              if (label.success) onChange(replaceAt(rows, index, { ...row, label: label.data }));
            }}
            allowDeselect={false}
            aria-label={t('crm.label')}
            w={130}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="input-sm"
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
            aria-label={texts.remove}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => onChange([...rows, kind.blank])}
        style={{ alignSelf: 'flex-start' }}
        data-testid={`${testId}-add-${kind.name}`}
      >
        {texts.add}
      </Button>
    </>
  );
}

/** Blank rows are dropped before sending. */
export function filledPhones(phones: PhoneValue[]): PhoneValue[] {
  return phones.filter((phone) => phone.number.trim() !== '');
}
export function filledEmails(emails: EmailValue[]): EmailValue[] {
  return emails.filter((email) => email.email.trim() !== '');
}
