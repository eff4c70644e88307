import { Alert, Button, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { ChangePasswordRequest } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { notifySuccess } from '../../shared/notify.ts';
import { useChangePassword } from '../auth/use-auth.ts';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

export function PasswordForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const change = useChangePassword();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof typeof EMPTY, value: string) => setValues((previous) => ({ ...previous, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkWith(ChangePasswordRequest, {
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    });
    const nextErrors = checked.ok ? {} : fromIssues(checked.issues);
    if (values.newPassword !== values.confirm) nextErrors.confirm = t('validation.passwordMismatch');
    setErrors(nextErrors);
    if (!checked.ok || nextErrors.confirm) return;
    change.mutate(checked.data, {
      onSuccess: () => {
        setValues(EMPTY);
        notifySuccess(t('settings.password.changed'));
      },
      onError: (error) => setErrors(fromError(error)),
    });
  }

  const error = change.error;
  const errorText = isApiError(error, 'unprocessable')
    ? t('settings.password.wrongCurrent')
    : error && !isApiError(error, 'validation_failed')
      ? errorMessage(error)
      : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="password-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="password-heading">
            {t('settings.password.heading')}
          </Title>
          {errorText && (
            <Alert color="red" role="alert">
              {errorText}
            </Alert>
          )}
          <PasswordInput
            label={t('settings.password.current')}
            autoComplete="current-password"
            required
            value={values.currentPassword}
            onChange={(event) => set('currentPassword', event.currentTarget.value)}
            error={errors.currentPassword}
            data-testid="password-current"
          />
          <PasswordInput
            label={t('settings.password.new')}
            autoComplete="new-password"
            required
            description={t('validation.passwordLength')}
            value={values.newPassword}
            onChange={(event) => set('newPassword', event.currentTarget.value)}
            error={errors.newPassword}
            data-testid="password-new"
          />
          <PasswordInput
            label={t('settings.password.confirm')}
            autoComplete="new-password"
            required
            value={values.confirm}
            onChange={(event) => set('confirm', event.currentTarget.value)}
            error={errors.confirm}
            data-testid="password-confirm"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending} data-testid="password-submit">
              {t('settings.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
