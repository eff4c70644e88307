import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { AcceptInvitationRequest } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { PublicLayout } from './PublicLayout.tsx';
import { useAcceptInvitation, useInvitation } from './use-auth.ts';

/** /invite/:token — the invited employee sets a password and is signed in. */
export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkWith(AcceptInvitationRequest, { token, password });
    const errors = checked.ok ? {} : fromIssues(checked.issues);
    if (password !== confirm) errors.confirm = t('validation.passwordMismatch');
    setFieldErrors(errors);
    if (!checked.ok || errors.confirm) return;
    accept.mutate(checked.data, {
      onSuccess: () => void navigate('/', { replace: true }),
      onError: (error) => setFieldErrors(fromError(error)),
    });
  }

  return (
    <PublicLayout>
      <PageTitle>{t('invite.title')}</PageTitle>
      {invitation.isPending && <CenteredLoader minHeight={120} />}
      {invitation.isError && (
        <Stack gap="sm">
          <Alert color="red" role="alert">
            {isApiError(invitation.error, 'not_found') || isApiError(invitation.error, 'validation_failed')
              ? t('invite.invalid')
              : errorMessage(invitation.error)}
          </Alert>
          <Anchor component={Link} to="/login">
            {t('invite.goToLogin')}
          </Anchor>
        </Stack>
      )}
      {invitation.data && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">
              {t('invite.subtitle', {
                name: invitation.data.fullName,
                organization: invitation.data.organization,
                email: invitation.data.email,
              })}
            </Text>
            {accept.error && (
              <Alert color="red" role="alert">
                {errorMessage(accept.error)}
              </Alert>
            )}
            <PasswordInput
              label={t('invite.password')}
              autoComplete="new-password"
              required
              autoFocus
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fieldErrors.password}
              description={t('validation.passwordLength')}
            />
            <PasswordInput
              label={t('invite.confirmPassword')}
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(event) => setConfirm(event.currentTarget.value)}
              error={fieldErrors.confirm}
            />
            <Button type="submit" loading={accept.isPending} fullWidth mt="xs">
              {t('invite.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}
