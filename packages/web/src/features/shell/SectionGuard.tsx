import { Stack, Text } from '@mantine/core';
import type { Section } from '@pulse/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { useMe } from '../auth/session.tsx';

/** A section the role may not open says so instead of failing on 403s. */
export function SectionGuard({ section, children }: { section: Section; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.sections.includes(section)) return children;
  return (
    <Stack gap="sm">
      <PageTitle>{t('forbidden.title')}</PageTitle>
      <Text>{t('forbidden.text')}</Text>
    </Stack>
  );
}
