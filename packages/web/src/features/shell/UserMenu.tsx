import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../auth/session.tsx';
import { useLogout } from '../auth/use-auth.ts';

function initials(fullName: string): string {
  return fullName
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const { fullName, role } = me.user;

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" aria-label={t('shell.userMenu', { name: fullName })} p={4}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="indigo" radius="xl" size="sm">
              {initials(fullName)}
            </Avatar>
            <Stack gap={0} visibleFrom="xs">
              <Text size="sm" fw={500} lh={1.2}>
                {fullName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {t(`roles.${role}`)}
              </Text>
            </Stack>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        {me.sections.includes('settings') && (
          <Menu.Item onClick={() => void navigate('/settings')}>{t('shell.settings')}</Menu.Item>
        )}
        <Menu.Item
          color="red"
          data-testid="logout"
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
        >
          {t('shell.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
