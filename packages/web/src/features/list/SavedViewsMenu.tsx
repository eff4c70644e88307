import { Badge, Button, Group, Menu, Text } from '@mantine/core';
import type { SavedView, SavedViewEntity } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { useMe } from '../auth/session.tsx';
import { toViewState } from './list-state.ts';
import type { ListState } from './list-types.ts';
import { SaveViewModal } from './SaveViewModal.tsx';
import { useCreateSavedView, useDeleteSavedView, useSavedViews, useUpdateSavedView } from './use-saved-views.ts';

interface SavedViewsMenuProps {
  entity: SavedViewEntity;
  testId: string;
  state: ListState;
  /** The view the list shows, if it was picked from the menu. */
  current: SavedView | null;
  /** Whether the list still matches `current`. */
  modified: boolean;
  onPick(view: SavedView | null): void;
}

type Dialog = 'create' | 'rename' | null;

/** Pick, save, update, rename and delete the named views of a list; shared views are seen by everyone. */
export function SavedViewsMenu({ entity, testId, state, current, modified, onPick }: SavedViewsMenuProps) {
  const { t } = useTranslation();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const views = useSavedViews(entity);
  const create = useCreateSavedView(entity);
  const update = useUpdateSavedView(entity);
  const remove = useDeleteSavedView(entity);
  const [dialog, setDialog] = useState<Dialog>(null);
  const mine = current !== null && current.owner.id === me.user.id;

  const fail = (error: unknown) => notifyError(errorMessage(error));

  function save({ name, shared }: { name: string; shared: boolean }) {
    if (dialog === 'rename' && current) {
      update.mutate(
        { id: current.id, body: { name } },
        {
          onSuccess: (view) => {
            setDialog(null);
            onPick(view);
          },
          onError: fail,
        },
      );
      return;
    }
    create.mutate(
      { entity, name, shared, state: toViewState(state) },
      {
        onSuccess: (view) => {
          setDialog(null);
          notifySuccess(t('list.views.saved'));
          onPick(view);
        },
        onError: fail,
      },
    );
  }

  function saveChanges(view: SavedView) {
    update.mutate(
      { id: view.id, body: { state: toViewState(state) } },
      {
        onSuccess: (saved) => {
          notifySuccess(t('list.views.saved'));
          onPick(saved);
        },
        onError: fail,
      },
    );
  }

  function deleteView(view: SavedView) {
    remove.mutate(view.id, { onSuccess: () => onPick(null), onError: fail });
  }

  const label = current ? current.name : t('list.views.default');
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" data-testid={`${testId}-views`}>
            {modified && current ? t('list.views.modified', { name: label }) : label}
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={260}>
          <Menu.Label>{t('list.views.title')}</Menu.Label>
          <Menu.Item onClick={() => onPick(null)} data-testid={`${testId}-view-default`}>
            {t('list.views.default')}
          </Menu.Item>
          {(views.data ?? []).map((view) => (
            <Menu.Item key={view.id} onClick={() => onPick(view)} data-testid={`${testId}-view-${view.id}`}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm" truncate fw={view.id === current?.id ? 600 : undefined}>
                  {view.name}
                </Text>
                {view.shared && (
                  <Badge size="xs" variant="light">
                    {view.owner.id === me.user.id ? t('list.views.sharedBadge') : view.owner.fullName}
                  </Badge>
                )}
              </Group>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => setDialog('create')} data-testid={`${testId}-view-save-as`}>
            {t('list.views.saveAs')}
          </Menu.Item>
          {current && mine && (
            <>
              <Menu.Item disabled={!modified} onClick={() => saveChanges(current)}>
                {t('list.views.saveChanges', { name: current.name })}
              </Menu.Item>
              <Menu.Item onClick={() => setDialog('rename')}>{t('list.views.rename')}</Menu.Item>
              <Menu.Item color="red" onClick={() => deleteView(current)}>
                {t('list.views.delete')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <SaveViewModal
        opened={dialog !== null}
        title={dialog === 'rename' ? t('list.views.rename') : t('list.views.saveAs')}
        initialName={dialog === 'rename' ? (current?.name ?? '') : ''}
        initialShared={false}
        askShared={dialog === 'create'}
        pending={create.isPending || update.isPending}
        onClose={() => setDialog(null)}
        onSave={save}
      />
    </>
  );
}
