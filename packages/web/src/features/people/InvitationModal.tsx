import { Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvitationData } from '../../api/users.ts';
import { formatInstant } from '../../shared/format.ts';
import { useMe } from '../auth/session.tsx';

/** The server may send a path; the admin needs a link they can paste into a message. */
function absoluteUrl(url: string): string {
  try {
    return new URL(url, window.location.origin).href;
  } catch {
    return url;
  }
}

/** Shows the one-time invitation link once, with a copy button. */
export function InvitationModal({ invitation, onClose }: { invitation: InvitationData | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const url = invitation ? absoluteUrl(invitation.url) : '';
  return (
    <Modal opened={invitation !== null} onClose={onClose} title={t('people.invitation.title')} size="lg">
      {invitation && (
        <Stack gap="sm">
          <Text size="sm">{t('people.invitation.text')}</Text>
          <TextInput
            label={t('people.invitation.link')}
            value={url}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            data-testid="invitation-url"
          />
          <Text size="xs" c="dimmed">
            {t('people.invitation.expires', {
              date: formatInstant(invitation.expiresAt, i18n.language, me.user.timeZone),
            })}
          </Text>
          <Group justify="flex-end">
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button color={copied ? 'teal' : 'indigo'} onClick={copy} data-testid="invitation-copy">
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
