// Shared bits of the cash screens: money in any drawer currency, the recording context, and
// printing a report from a hidden frame when the network printer cannot be reached.
import { formatMoney, money } from '@handla/core';
import { intlLocale, useLocale } from '@handla/ui';
import { useCallback } from 'react';
import { useRegister } from '../register-context';
import type { CashContext } from './journal-command';

/** Formats minor units of any currency in the UI language. */
export function useFormatMoney(): (amount: number, currency: string) => string {
  const { locale } = useLocale();
  return useCallback(
    (amount: number, currency: string) => formatMoney(money(amount, currency), intlLocale(locale)),
    [locale],
  );
}

/** What recording a cash command needs, from the signed-in register. */
export function useCashContext(): CashContext {
  const { db, device, cashier } = useRegister();
  return { db, device, cashier, now: () => new Date() };
}

/** Prints only `html` through the browser, from a hidden frame. */
export function printHtml(html: string, title: string) {
  const frame = document.createElement('iframe');
  Object.assign(frame.style, { position: 'fixed', width: '0', height: '0', border: '0' });
  document.body.append(frame);
  const doc = frame.contentDocument;
  if (!doc) return frame.remove();
  doc.open();
  doc.write(
    `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${title}</title></head><body>${html}</body></html>`,
  );
  doc.close();
  frame.contentWindow?.print();
  window.setTimeout(() => frame.remove(), 1000);
}
