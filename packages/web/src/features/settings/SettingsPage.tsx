import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { useMe } from '../auth/session.tsx';
import { OrganizationSection } from './OrganizationForm.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { ProfileForm } from './ProfileForm.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="md">
      <PageTitle>{t('settings.title')}</PageTitle>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ProfileForm key={me.user.locale} />
        <PasswordForm />
        {me.permissions.manageOrganization && <OrganizationSection />}
      </SimpleGrid>
    </Stack>
  );
}
