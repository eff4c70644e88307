import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/session.tsx';
import { formatDay, formatInstant } from './format.ts';
import { formatMoney } from './money.ts';
import { formatPhone } from './phone.ts';

/** Formatters bound to the viewer: their language, their time zone, the organisation's currency. */
export interface Formatters {
  locale: string;
  timeZone: string;
  currency: string;
  money(minor: number, currency?: string): string;
  /** Whole units, for board totals where kopecks are noise. */
  moneyShort(minor: number, currency?: string): string;
  instant(iso: string | null | undefined): string;
  day(day: string | null | undefined): string;
  phone(e164: string | null | undefined): string;
  /** A business-time span in milliseconds, e.g. '2 h 15 min'. */
  duration(ms: number): string;
}

export function useFormat(): Formatters {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const locale = i18n.language;
  const timeZone = me.user.timeZone;
  const currency = me.organization.currency;
  return useMemo(
    () => ({
      locale,
      timeZone,
      currency,
      money: (minor, code = currency) => formatMoney(minor, code, locale),
      moneyShort: (minor, code = currency) => formatMoney(minor, code, locale, { whole: true }),
      instant: (iso) => (iso ? formatInstant(iso, locale, timeZone) : t('common.none')),
      day: (day) => (day ? formatDay(day, locale) : t('common.none')),
      phone: (e164) => (e164 ? formatPhone(e164) : t('common.none')),
      duration: (ms) => {
        if (ms < 60_000) return t('units.seconds', { count: Math.max(0, Math.round(ms / 1000)) });
        const minutes = Math.round(ms / 60_000);
        const hours = Math.floor(minutes / 60);
        if (hours === 0) return t('units.minutes', { count: minutes });
        return t('units.hoursMinutes', { hours, minutes: minutes % 60 });
      },
    }),
    [locale, timeZone, currency, t],
  );
}

/** Today as 'YYYY-MM-DD' in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      now,
    );
  } catch {
    return now.toISOString().slice(0, 10);
  }
}
