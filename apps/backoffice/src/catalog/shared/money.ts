// Prices typed by hand: "199,00", "199.5" or "1 299" kronor to öre, and öre back to such text.
import { currencyDecimals, parseMajorAmount } from '@handla/core';

/** The amount in minor units for typed text, or null when it is not an amount (or negative). */
export function parsePriceInput(text: string, currency: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/kr$/i, '');
  if (!compact) return null;
  try {
    const amount = parseMajorAmount(compact, currency);
    return amount >= 0 ? amount : null;
  } catch {
    return null;
  }
}

/** Minor units as text for an input, with a decimal comma and no grouping: 19900 → "199,00". */
export function priceInputText(amount: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  return (amount / 10 ** decimals).toFixed(decimals).replace('.', ',');
}
