import { Anchor, Stack } from '@mantine/core';
import type { ClientEmail, ClientPhone } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { phoneHref } from '../../shared/phone.ts';
import { useFormat } from '../../shared/use-format.ts';

/** Phones (formatted, dialable) and e-mails of a company or contact. */
export function PhonesView({ phones }: { phones: readonly ClientPhone[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (phones.length === 0) return t('common.none');
  return (
    <Stack gap={0}>
      {phones.map((phone) => (
        <Anchor key={phone.id} href={phoneHref(phone.e164)} size="sm">
          {format.phone(phone.e164)} · {t(`crm.phoneLabel.${phone.label}`)}
        </Anchor>
      ))}
    </Stack>
  );
}

export function EmailsView({ emails }: { emails: readonly ClientEmail[] }) {
  const { t } = useTranslation();
  if (emails.length === 0) return t('common.none');
  return (
    <Stack gap={0}>
      {emails.map((email) => (
        <Anchor key={email.id} href={`mailto:${email.email}`} size="sm">
          {email.email}
        </Anchor>
      ))}
    </Stack>
  );
}
