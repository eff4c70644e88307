import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface SaveViewModalProps {
  opened: boolean;
  title: string;
  initialName: string;
  initialShared: boolean;
  /** Renaming asks only for the name. */
  askShared: boolean;
  pending: boolean;
  error?: string;
  onClose(): void;
  onSave(values: { name: string; shared: boolean }): void;
}

export function SaveViewModal(props: SaveViewModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      {props.opened && <SaveViewForm {...props} />}
    </Modal>
  );
}

function SaveViewForm({ initialName, initialShared, askShared, pending, error, onClose, onSave }: SaveViewModalProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [shared, setShared] = useState(initialShared);
  const [missing, setMissing] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setMissing(true);
      return;
    }
    onSave({ name: name.trim(), shared });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('list.views.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={missing ? t('validation.required') : error}
          maxLength={100}
          required
          data-autofocus
          data-testid="view-name"
        />
        {askShared && (
          <Checkbox
            label={t('list.views.shared')}
            description={t('list.views.sharedHint')}
            checked={shared}
            onChange={(event) => setShared(event.currentTarget.checked)}
            data-testid="view-shared"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid="view-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
