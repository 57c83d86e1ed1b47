// Display of money through Intl, so separators, symbols and minus signs follow the locale.
import { currencyDecimals, type Money } from './money';

// Building an Intl.NumberFormat is costly and receipts format hundreds of amounts.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(kind: 'money' | 'amount', locale: string, currency: string): Intl.NumberFormat {
  const key = `${kind}|${locale}|${currency}`;
  let nf = formatters.get(key);
  if (!nf) {
    const digits = currencyDecimals(currency);
    nf =
      kind === 'money'
        ? new Intl.NumberFormat(locale, { style: 'currency', currency })
        : new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, nf);
  }
  return nf;
}

// An exact decimal string, because amount / 100 as a float can misround above ~2^46 öre.
function toDecimalString(m: Money): `${number}` {
  const digits = currencyDecimals(m.currency);
  const magnitude = String(Math.abs(m.amount)).padStart(digits + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = magnitude.slice(magnitude.length - digits);
  const sign = m.amount < 0 ? '-' : '';
  return (digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`) as `${number}`;
}

/** Formats money with its currency symbol for the locale, e.g. "1 234,50 kr" in sv-SE. */
export function formatMoney(m: Money, locale = 'sv-SE'): string {
  return formatter('money', locale, m.currency).format(toDecimalString(m));
}

/** Formats the number only, with the currency's decimals, for receipt columns, e.g. "1 234,50". */
export function formatAmount(m: Money, locale = 'sv-SE'): string {
  return formatter('amount', locale, m.currency).format(toDecimalString(m));
}
