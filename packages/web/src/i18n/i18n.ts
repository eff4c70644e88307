import type { Locale as LocaleSchema } from '@pulse/contracts';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Output } from '../api/client.ts';
import en from './en.json';
import ru from './ru.json';

export type Locale = Output<typeof LocaleSchema>;
export const LOCALES: readonly Locale[] = ['ru', 'en'];

/** Russian is the default until a user says otherwise (before login) or their profile does (after). */
export const DEFAULT_LOCALE: Locale = 'ru';
const STORAGE_KEY = 'pulse.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'ru' || value === 'en';
}

export function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or disabled storage: the choice simply lasts for this page.
  }
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : DEFAULT_LOCALE;
}

/** Switches the UI language and keeps <html lang> in step for screen readers. */
export async function applyLocale(locale: Locale): Promise<void> {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

export const resources = { ru: { translation: ru }, en: { translation: en } } as const;

export function initI18n(): typeof i18next {
  const locale = storedLocale();
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  void i18next.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}
