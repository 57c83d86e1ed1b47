import { formatMoney, money } from '@handla/core';
import { intlLocale, useLocale } from '@handla/ui';
import { useCallback } from 'react';

/** Formats öre of `currency` in the UI language with Swedish conventions: "1 234,50 kr". */
export function useFormatAmount(currency: string): (amount: number) => string {
  const { locale } = useLocale();
  return useCallback(
    (amount: number) => formatMoney(money(amount, currency), intlLocale(locale)),
    [currency, locale],
  );
}

/** A readable percentage from basis points: 1000 → "10", 1250 → "12,5". */
export function percentText(bp: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(bp / 100);
}

/** Parses "10" or "12,5" (%) into basis points; null when it is not a percentage. */
export function parsePercentBp(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0') || '0');
  return bp > 0 && bp <= 10_000 ? bp : null;
}

/** A client-made id with a prefix, e.g. `cmd_…`: sortable by time, unique per device. */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
}
