// Formatting for the SAF-T file: amounts in öre as "123.45", instants as local date and time.
import { tzOffset } from '@date-fns/tz';

/** Öre as a decimal with two places and a point: -40 → "-0.40". */
export function amount(minor: number): string {
  const abs = Math.abs(minor);
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return minor < 0 ? `-${text}` : text;
}

/** Debit or credit by sign: sales are credits (C), returns and refunds debits (D). */
export const debitCredit = (minor: number): 'C' | 'D' => (minor < 0 ? 'D' : 'C');

/** An ISO instant as the wall-clock date (YYYY-MM-DD) and time (hh:mm:ss) in `timeZone`. */
export function localDateTime(at: string | Date, timeZone: string): { date: string; time: string } {
  const instant = typeof at === 'string' ? new Date(at) : at;
  const local = new Date(instant.getTime() + tzOffset(timeZone, instant) * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 19) };
}

/** An id cut to the 35 characters SAF-T identifiers allow. */
export const id35 = (value: string): string => value.slice(0, 35);
