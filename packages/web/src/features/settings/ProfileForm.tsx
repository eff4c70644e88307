import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { UpdateMeRequest } from '@pulse/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLocale, isLocale, type Locale, storeLocale } from '../../i18n/i18n.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { timeZoneOptions } from '../../shared/time-zones.ts';
import { useMe } from '../auth/session.tsx';
import { useUpdateProfile } from './use-settings.ts';

export function ProfileForm() {
  const { t } = useTranslation();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const update = useUpdateProfile();
  const [fullName, setFullName] = useState(me.user.fullName);
  const [locale, setLocale] = useState<Locale>(me.user.locale);
  const [timeZone, setTimeZone] = useState(me.user.timeZone);
  const [errors, setErrors] = useState<FieldErrors>({});
  const zones = useMemo(() => timeZoneOptions(me.user.timeZone), [me.user.timeZone]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkWith(UpdateMeRequest, { fullName, locale, timeZone });
    if (!checked.ok) {
      setErrors(fromIssues(checked.issues));
      return;
    }
    setErrors({});
    update.mutate(checked.data, {
      onSuccess: (next) => {
        storeLocale(next.user.locale);
        void applyLocale(next.user.locale);
        notifySuccess(t('settings.profile.saved'));
      },
      onError: (error) => {
        // Field messages say where; the notification says that the save failed at all.
        setErrors(fromError(error));
        notifyError(errorMessage(error));
      },
    });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="profile-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="profile-heading">
            {t('settings.profile.heading')}
          </Title>
          <TextInput
            label={t('settings.profile.fullName')}
            required
            value={fullName}
            onChange={(event) => setFullName(event.currentTarget.value)}
            error={errors.fullName}
            data-testid="profile-full-name"
          />
          <Select
            label={t('settings.profile.language')}
            data={[
              { value: 'ru', label: t('lang.ru') },
              { value: 'en', label: t('lang.en') },
            ]}
            value={locale}
            onChange={(value) => {
              if (isLocale(value)) setLocale(value);
            }}
            allowDeselect={false}
            error={errors.locale}
            data-testid="profile-locale"
          />
          <Select
            label={t('settings.profile.timeZone')}
            data={zones}
            value={timeZone}
            onChange={(value) => {
              if (value) setTimeZone(value);
            }}
            searchable
            allowDeselect={false}
            limit={100}
            error={errors.timeZone}
            data-testid="profile-time-zone"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} data-testid="profile-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
