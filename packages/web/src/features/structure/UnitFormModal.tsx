import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { CreateUnitRequest, type Unit, UnitKind, UpdateUnitRequest } from '@pulse/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { UserPicker } from '../people/UserPicker.tsx';
import { unitOptions } from './unit-options.ts';
import { subtreeIds } from './unit-tree.ts';
import { useCreateUnit, useUpdateUnit } from './use-units.ts';

/** A new unit (optionally under a parent) or an existing one to rename, move or re-head. */
export type UnitFormTarget = { mode: 'create'; parentId: string | null } | { mode: 'edit'; unit: Unit };

interface UnitFormModalProps {
  target: UnitFormTarget | null;
  units: readonly Unit[];
  onClose: () => void;
}

export function UnitFormModal({ target, units, onClose }: UnitFormModalProps) {
  const { t } = useTranslation();
  const title = target?.mode === 'edit' ? t('structure.form.editTitle') : t('structure.form.createTitle');
  return (
    <Modal opened={target !== null} onClose={onClose} title={title}>
      {target && (
        <UnitForm
          key={target.mode === 'edit' ? target.unit.id : `new-${target.parentId}`}
          target={target}
          units={units}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

interface Values {
  name: string;
  kind: UnitKind;
  parentId: string | null;
  headUserId: string | null;
}

function UnitForm({ target, units, onClose }: { target: UnitFormTarget } & Omit<UnitFormModalProps, 'target'>) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const createUnit = useCreateUnit();
  const updateUnit = useUpdateUnit();
  const editing = target.mode === 'edit' ? target.unit : null;
  const [values, setValues] = useState<Values>(() =>
    editing
      ? { name: editing.name, kind: editing.kind, parentId: editing.parentId, headUserId: editing.headUserId }
      : { name: '', kind: 'team', parentId: target.mode === 'create' ? target.parentId : null, headUserId: null },
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  // A unit cannot move under itself or its own descendants.
  const parentOptions = useMemo(
    () => unitOptions(units, i18n.language, editing ? subtreeIds(units, editing.id) : undefined),
    [units, i18n.language, editing],
  );

  const onError = (error: unknown) => {
    // Field messages say where; the notification says that the save failed at all.
    setErrors(fromError(error));
    notifyError(errorMessage(error));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const done = (message: string) => () => {
      notifySuccess(message);
      onClose();
    };
    if (editing) {
      const checked = checkWith(UpdateUnitRequest, values);
      if (!checked.ok) return setErrors(fromIssues(checked.issues));
      setErrors({});
      updateUnit.mutate({ id: editing.id, body: checked.data }, { onSuccess: done(t('structure.updated')), onError });
      return;
    }
    const checked = checkWith(CreateUnitRequest, values);
    if (!checked.ok) return setErrors(fromIssues(checked.issues));
    setErrors({});
    createUnit.mutate(checked.data, { onSuccess: done(t('structure.created')), onError });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('structure.form.name')}
          required
          data-autofocus
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={errors.name}
          data-testid="unit-form-name"
        />
        <Select
          label={t('structure.form.kind')}
          data={UnitKind.options.map((kind) => ({ value: kind, label: t(`unitKinds.${kind}`) }))}
          value={values.kind}
          onChange={(value) => {
            const kind = UnitKind.safeParse(value);
            if (kind.success) set('kind', kind.data);
          }}
          allowDeselect={false}
          error={errors.kind}
          data-testid="unit-form-kind"
        />
        <Select
          label={t('structure.form.parent')}
          placeholder={t('structure.form.parentRoot')}
          data={parentOptions}
          value={values.parentId}
          onChange={(value) => set('parentId', value)}
          searchable
          clearable
          error={errors.parentId}
          data-testid="unit-form-parent"
        />
        <UserPicker
          label={t('structure.form.head')}
          placeholder={t('structure.noHead')}
          value={values.headUserId}
          onChange={(value) => set('headUserId', value)}
          error={errors.headUserId}
          data-testid="unit-form-head"
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={createUnit.isPending || updateUnit.isPending} data-testid="unit-form-submit">
            {editing ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
