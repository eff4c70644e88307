import { Button } from '@mantine/core';
import type { Me } from '@pulse/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { updateMe } from '../../api/auth.ts';
import { applyLocale, currentLocale, type Locale, storeLocale } from '../../i18n/i18n.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError } from '../../shared/notify.ts';
import { ME_KEY } from '../auth/session.tsx';

/**
 * Changes the UI language: kept in localStorage, and in the profile (PATCH /api/me) when signed in,
 * so the next login opens in the same language.
 */
export function useSwitchLocale(): { switchTo: (locale: Locale) => void; pending: boolean } {
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const mutation = useMutation({
    mutationFn: (locale: Locale) => updateMe({ locale }),
    // The UI switches at once; `previous` lets a failed save switch it back.
    onMutate: (): Locale => currentLocale(),
    onSuccess: (me) => queryClient.setQueryData(ME_KEY, me),
    onError: (error, _locale, previous) => {
      if (previous) void applyLocale(previous);
      notifyError(errorMessage(error));
    },
  });
  return {
    pending: mutation.isPending,
    switchTo(locale) {
      storeLocale(locale);
      void applyLocale(locale);
      const me = queryClient.getQueryData<Me | null>(ME_KEY);
      if (me && me.user.locale !== locale) mutation.mutate(locale);
    },
  };
}

/** A single button that toggles Russian ↔ English. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { switchTo, pending } = useSwitchLocale();
  const next: Locale = i18n.language === 'en' ? 'ru' : 'en';
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      data-testid="lang-switch"
      aria-label={t('lang.switchTo')}
      title={t('lang.switchTo')}
      loading={pending}
      onClick={() => switchTo(next)}
    >
      {t(`lang.short.${next}`)}
    </Button>
  );
}
