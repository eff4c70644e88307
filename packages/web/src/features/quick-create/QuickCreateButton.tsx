import { Button, Kbd, Menu } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session.tsx';
import { canRecordWork } from '../crm/permissions.ts';
import { QuickCreateModal } from './QuickCreateModal.tsx';
import type { QuickKind } from './quick-values.ts';

/** The header's "+ New" menu; Ctrl+K (⌘K) opens the form straight away. */
export function QuickCreateButton() {
  const { t } = useTranslation();
  const me = useMe();
  const [kind, setKind] = useState<QuickKind | null>(null);
  const allowed = canRecordWork(me);
  useHotkeys(allowed ? [['mod+K', () => setKind('call')]] : []);
  if (!allowed) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="compact-sm" data-testid="quick-create" title={t('quick.shortcut')}>
            {t('quick.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setKind('call')} data-testid="quick-create-call">
            {t('crm.activityKind.call')}
          </Menu.Item>
          <Menu.Item onClick={() => setKind('meeting')} data-testid="quick-create-meeting">
            {t('crm.activityKind.meeting')}
          </Menu.Item>
          <Menu.Item onClick={() => setKind('task')} data-testid="quick-create-task">
            {t('quick.task')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label>
            <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">K</Kbd>
          </Menu.Label>
        </Menu.Dropdown>
      </Menu>
      <QuickCreateModal opened={kind !== null} initialKind={kind ?? 'call'} onClose={() => setKind(null)} />
    </>
  );
}
