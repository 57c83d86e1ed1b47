// A Swedish company keeps its books in kronor: a voucher of a day's sales in another currency is
// converted row by row at the day's rate, and the öre the rounding of the rows leaves over go on
// the rounding account, so the voucher still balances and each VAT row is exactly the converted VAT.
import { DomainError } from '../errors';
import type { AccountMap } from './bas-accounts';
import { mergeTransactions, type Voucher } from './vouchers';

/** One rate as entered: kronor per unit of `currency` on `date` (YYYY-MM-DD). */
export interface ExchangeRate {
  readonly currency: string;
  readonly date: string;
  /** Kronor per unit, at most six decimals, e.g. "11.2345". */
  readonly rateToSek: string;
}

/** How many days before the booking date a rate may be from (weekends and bank holidays). */
export const MAX_RATE_AGE_DAYS = 7;

/** A rate as millionths of a krona per unit; throws RangeError for anything but a positive decimal. */
export function rateMicros(rateToSek: string | number): bigint {
  const text = typeof rateToSek === 'number' ? String(rateToSek) : rateToSek.trim();
  const match = /^(\d{1,8})(?:\.(\d{1,6}))?$/.exec(text);
  if (!match) throw new RangeError(`A rate is a positive decimal with at most six decimals, got "${text}"`);
  const micros = BigInt(match[1]!) * 1_000_000n + BigInt((match[2] ?? '').padEnd(6, '0'));
  if (micros === 0n) throw new RangeError('A rate must be more than zero');
  return micros;
}

/** Minor units of the currency → öre at the rate, half away from zero (both have two decimals). */
export function convertMinor(amount: number, micros: bigint): number {
  const exact = BigInt(Math.abs(amount)) * micros;
  const whole = (exact + 500_000n) / 1_000_000n;
  return (amount < 0 ? -Number(whole) : Number(whole)) + 0;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * The rate for a booking date: that day's, else the nearest earlier one at most
 * `MAX_RATE_AGE_DAYS` before (the Riksbank publishes banking days only); undefined when there is none.
 */
export function findExchangeRate(
  rates: readonly ExchangeRate[],
  currency: string,
  date: string,
): ExchangeRate | undefined {
  let best: ExchangeRate | undefined;
  for (const r of rates) {
    if (r.currency !== currency || r.date > date) continue;
    if (dayNumber(date) - dayNumber(r.date) > MAX_RATE_AGE_DAYS) continue;
    if (!best || r.date > best.date) best = r;
  }
  return best;
}

/** The refusal of a day in `currency` that has no rate: 422 naming `exchangeRate`. */
export function missingExchangeRate(currency: string, date: string): DomainError {
  return new DomainError(
    'invalid_state',
    `There is no ${currency} exchange rate for ${date} or the ${MAX_RATE_AGE_DAYS} days before.`,
    [{ field: 'exchangeRate', message: `No ${currency} rate to SEK for ${date}; enter one first` }],
  );
}

/** "11,2345": a rate as Swedish text for a voucher's heading. */
const rateText = (rateToSek: string) => String(Number(rateToSek)).replace('.', ',');

/**
 * The voucher in kronor: every row converted at `rate`, then the öre the rows' rounding leaves
 * over on the rounding account (so it balances whenever the original did). The heading names the
 * currency and rate so the conversion can be followed.
 */
export function convertVoucher(voucher: Voucher, rate: ExchangeRate, accounts: AccountMap): Voucher {
  const micros = rateMicros(rate.rateToSek);
  const rows = voucher.transactions.map((t) => ({ ...t, amount: convertMinor(t.amount, micros) }));
  const left = rows.reduce((sum, t) => sum + t.amount, 0);
  if (left !== 0)
    rows.push({ account: accounts.rounding, amount: -left, text: 'Avrundning valutaomräkning' });
  return {
    ...voucher,
    text: `${voucher.text} ${rate.currency} kurs ${rateText(rate.rateToSek)} (${rate.date})`,
    transactions: mergeTransactions(rows),
  };
}
