// Translation without a library: two typed dictionaries, the choice kept in localStorage.
import type { LocalizedText } from '@handla/api';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en';
import { type MessageKey, sv } from './sv';

/** The languages the UI speaks; Swedish is the default. */
export type Locale = 'sv' | 'en';

/** Values to put into a message's `{placeholders}`. */
export type MessageVars = Record<string, string | number>;

/** Looks a message up in the current language. */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { sv, en };
const STORAGE_KEY = 'handla.locale';

// Storage throws in some private-browsing modes; the app must still start, in Swedish.
function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' || stored === 'sv' ? stored : 'sv';
  } catch {
    return 'sv';
  }
}

function storeLocale(locale: Locale) {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // The choice then lasts for this page only.
  }
}

/** Fills `{name}` placeholders in `template` from `vars`. */
export function interpolate(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Provides the current language to `useT` and `useLocale`; keeps `<html lang>` in step. */
export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? readStoredLocale());

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dictionary = DICTIONARIES[locale];
    return { locale, setLocale, t: (key, vars) => interpolate(dictionary[key], vars) };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT and useLocale need an <I18nProvider> above them');
  return value;
}

/** The translate function of the current language: `t('auth.signIn')`, `t('product.fromPrice', { price })`. */
export function useT(): Translate {
  return useI18n().t;
}

/** The current language and a setter that remembers the choice. */
export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void } {
  const { locale, setLocale } = useI18n();
  return { locale, setLocale };
}

/** Picks the current language out of a `{ sv, en }` text, falling back to Swedish when empty. */
export function useLocalized(): (text: LocalizedText) => string {
  const { locale } = useI18n();
  return useCallback((text: LocalizedText) => text[locale] || text.sv, [locale]);
}
