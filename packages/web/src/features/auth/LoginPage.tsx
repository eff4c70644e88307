import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { LoginRequest } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrorsWith } from '../../shared/form-errors.ts';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { PublicLayout } from './PublicLayout.tsx';
import { useMeQuery } from './session.tsx';
import { useLogin } from './use-auth.ts';

/** Only same-site paths are followed after login, so a crafted link cannot send the user elsewhere. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

const LOGIN_MESSAGES = { password: 'validation.required' } as const;

export function LoginPage() {
  const { t } = useTranslation();
  const me = useMeQuery();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const loginMutation = useLogin();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrorsWith(LOGIN_MESSAGES);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const next = safeNext(params.get('next'));

  if (me.isPending) return <CenteredLoader minHeight="100vh" />;
  if (me.data) return <Navigate to={next} replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkWith(LoginRequest, { email, password });
    if (!checked.ok) {
      setFieldErrors(fromIssues(checked.issues));
      return;
    }
    setFieldErrors({});
    loginMutation.mutate(checked.data, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (error) => setFieldErrors(fromError(error)),
    });
  }

  const failure = loginMutation.error;
  const failureText = isApiError(failure, 'unauthenticated')
    ? t('login.invalidCredentials')
    : failure
      ? errorMessage(failure)
      : null;

  return (
    <PublicLayout>
      <PageTitle>{t('login.title')}</PageTitle>
      <Text c="dimmed" size="sm" mt={-8}>
        {t('login.subtitle')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {failureText && (
            <Alert color="red" role="alert">
              {failureText}
            </Alert>
          )}
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fieldErrors.email}
            data-testid="login-email"
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldErrors.password}
            data-testid="login-password"
          />
          <Button type="submit" loading={loginMutation.isPending} data-testid="login-submit" fullWidth mt="xs">
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
