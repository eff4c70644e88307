import { Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The one h1 of a page; also names the browser tab. */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${children} · ${appName}`;
  }, [children, appName]);
  return (
    <Title order={1} size="h2" data-testid="page-title">
      {children}
    </Title>
  );
}
