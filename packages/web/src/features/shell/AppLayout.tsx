import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { ErrorBoundary } from '../../shared/ErrorBoundary.tsx';
import { useMe } from '../auth/session.tsx';
import { CurrentRecordProvider } from '../quick-create/current-record.tsx';
import { QuickCreateButton } from '../quick-create/QuickCreateButton.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { isSectionActive, SECTION_ORDER, SECTION_PATHS } from './sections.ts';
import { UserMenu } from './UserMenu.tsx';

/** Header (with quick create), navigation limited to the sections the user's role may open, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const sections = SECTION_ORDER.filter((section) => me.sections.includes(section));

  return (
    <CurrentRecordProvider>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
              <Text fw={700} c="indigo.7">
                {t('app.name')}
              </Text>
              <Text c="dimmed" truncate visibleFrom="xs" data-testid="org-name">
                {me.organization.name}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <QuickCreateButton />
              <LanguageSwitch />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
          {sections.map((section) => (
            <NavLink
              key={section}
              component={Link}
              to={SECTION_PATHS[section]}
              label={t(`nav.${section}`)}
              active={isSectionActive(section, pathname)}
              aria-current={isSectionActive(section, pathname) ? 'page' : undefined}
              onClick={close}
              data-testid={`nav-${section}`}
            />
          ))}
        </AppShell.Navbar>
        <AppShell.Main>
          <ErrorBoundary resetKey={pathname}>
            <Suspense fallback={<CenteredLoader />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </AppShell.Main>
      </AppShell>
    </CurrentRecordProvider>
  );
}
