import { Badge, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { CreateUserRequest, Role, UpdateUserRequest, type User } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationData } from '../../api/users.ts';
import { currentLocale, isLocale, type Locale } from '../../i18n/i18n.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { unitOptions } from '../structure/unit-options.ts';
import { useUnits } from '../structure/use-units.ts';
import { roleOptions } from './role-options.ts';
import { UserPicker } from './UserPicker.tsx';
import { useCreateInvitation, useCreateUser, useUpdateUser } from './use-users.ts';

/** What the modal is open for: a new employee, or an existing one. */
export type UserFormTarget = { mode: 'create'; unitId?: string | null } | { mode: 'edit'; user: User };

interface UserFormModalProps {
  target: UserFormTarget | null;
  onClose: () => void;
  onInvitation: (invitation: InvitationData) => void;
}

export function UserFormModal({ target, onClose, onInvitation }: UserFormModalProps) {
  const { t } = useTranslation();
  const title = target?.mode === 'edit' ? t('people.form.editTitle') : t('people.form.createTitle');
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="lg">
      {target && (
        <UserForm
          key={target.mode === 'edit' ? target.user.id : 'new'}
          target={target}
          onClose={onClose}
          onInvitation={onInvitation}
        />
      )}
    </Modal>
  );
}

interface FormValues {
  email: string;
  fullName: string;
  role: Role;
  unitId: string | null;
  managerId: string | null;
  hireDate: string;
  locale: Locale;
}

function initialValues(target: UserFormTarget): FormValues {
  if (target.mode === 'create') {
    return {
      email: '',
      fullName: '',
      role: 'sales_manager',
      unitId: target.unitId ?? null,
      managerId: null,
      hireDate: '',
      locale: currentLocale(),
    };
  }
  const { user } = target;
  return {
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    unitId: user.unitId,
    managerId: user.managerId,
    hireDate: user.hireDate ?? '',
    locale: user.locale,
  };
}

function UserForm({ target, onClose, onInvitation }: { target: UserFormTarget } & Omit<UserFormModalProps, 'target'>) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const units = useUnits();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const createInvitation = useCreateInvitation();
  const [values, setValues] = useState<FormValues>(() => initialValues(target));
  const [errors, setErrors] = useState<FieldErrors>({});
  const editing = target.mode === 'edit' ? target.user : null;
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  function fail(error: unknown) {
    // Field messages say where; the notification says that the save failed at all.
    setErrors(fromError(error));
    notifyError(errorMessage(error));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const common = {
      fullName: values.fullName,
      role: values.role,
      unitId: values.unitId,
      managerId: values.managerId,
      hireDate: values.hireDate || null,
    };
    if (!editing) {
      const checked = checkWith(CreateUserRequest, { ...common, email: values.email, locale: values.locale });
      if (!checked.ok) {
        setErrors(fromIssues(checked.issues));
        return;
      }
      setErrors({});
      createUser.mutate(checked.data, {
        onSuccess: (created) => {
          notifySuccess(t('people.created'));
          onClose();
          onInvitation(created.invitation);
        },
        onError: fail,
      });
      return;
    }
    const checked = checkWith(UpdateUserRequest, common);
    if (!checked.ok) {
      setErrors(fromIssues(checked.issues));
      return;
    }
    setErrors({});
    updateUser.mutate(
      { id: editing.id, body: checked.data },
      {
        onSuccess: () => {
          notifySuccess(t('people.updated'));
          onClose();
        },
        onError: fail,
      },
    );
  }

  function setActive(user: User, active: boolean) {
    updateUser.mutate(
      { id: user.id, body: { active } },
      {
        onSuccess: () => {
          notifySuccess(active ? t('people.reactivated') : t('people.deactivated'));
          onClose();
        },
        onError: fail,
      },
    );
  }

  function reinvite(user: User) {
    createInvitation.mutate(user.id, {
      onSuccess: (invitation) => {
        onClose();
        onInvitation(invitation);
      },
      onError: fail,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {editing ? (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {editing.email}
            </Text>
            <Badge color={editing.active ? 'teal' : 'gray'}>
              {editing.active ? t('people.active') : t('people.inactive')}
            </Badge>
          </Group>
        ) : (
          <TextInput
            label={t('people.form.email')}
            type="email"
            required
            data-autofocus
            value={values.email}
            onChange={(event) => set('email', event.currentTarget.value)}
            error={errors.email}
            data-testid="user-form-email"
          />
        )}
        <TextInput
          label={t('people.form.fullName')}
          required
          value={values.fullName}
          onChange={(event) => set('fullName', event.currentTarget.value)}
          error={errors.fullName}
          data-testid="user-form-full-name"
        />
        <Select
          label={t('people.form.role')}
          required
          data={roleOptions(t)}
          value={values.role}
          onChange={(value) => {
            const role = Role.safeParse(value);
            if (role.success) set('role', role.data);
          }}
          allowDeselect={false}
          error={errors.role}
          data-testid="user-form-role"
        />
        <Select
          label={t('people.form.unit')}
          placeholder={t('people.form.noUnit')}
          data={unitOptions(units.data ?? [], i18n.language)}
          value={values.unitId}
          onChange={(value) => set('unitId', value)}
          searchable
          clearable
          error={errors.unitId}
          data-testid="user-form-unit"
        />
        <UserPicker
          label={t('people.form.manager')}
          placeholder={t('people.form.noManager')}
          value={values.managerId}
          onChange={(value) => set('managerId', value)}
          excludeId={editing?.id}
          error={errors.managerId}
          data-testid="user-form-manager"
        />
        <TextInput
          label={t('people.form.hireDate')}
          type="date"
          value={values.hireDate}
          onChange={(event) => set('hireDate', event.currentTarget.value)}
          error={errors.hireDate}
          data-testid="user-form-hire-date"
        />
        {!editing && (
          <Select
            label={t('people.form.locale')}
            data={[
              { value: 'ru', label: t('lang.ru') },
              { value: 'en', label: t('lang.en') },
            ]}
            value={values.locale}
            onChange={(value) => {
              if (isLocale(value)) set('locale', value);
            }}
            allowDeselect={false}
          />
        )}
        <Group justify="space-between" mt="sm">
          <Group gap="xs">
            {editing && (
              <>
                <Button
                  variant="light"
                  color={editing.active ? 'red' : 'teal'}
                  onClick={() => setActive(editing, !editing.active)}
                  loading={updateUser.isPending && updateUser.variables?.body.active !== undefined}
                  data-testid="user-toggle-active"
                >
                  {editing.active ? t('people.deactivate') : t('people.reactivate')}
                </Button>
                {editing.active && (
                  <Button variant="subtle" onClick={() => reinvite(editing)} loading={createInvitation.isPending}>
                    {t('people.newInvitation')}
                  </Button>
                )}
              </>
            )}
          </Group>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createUser.isPending || updateUser.isPending} data-testid="user-form-submit">
              {editing ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
