// UPU S10 item identifiers ("CA123456788SE"): two service letters, an 8-digit serial, a check digit
// and the issuing country. The check digit uses the weights 8 6 4 2 3 5 9 7 modulo 11 (S10 §5).
import { DomainError } from '../errors';

const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** The S10 check digit of an 8-digit serial: 11 − (Σ digit × weight mod 11); 10 → 0, 11 → 5. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) {
    throw new DomainError('validation_failed', `${serial} is not an 8-digit serial.`, [
      { field: 'serial', message: 'Eight digits' },
    ]);
  }
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(serial[i]), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** An S10 identifier: `service` (2 letters) + serial + check digit + `country` (2 letters). */
export function s10Identifier(service: string, serial: number, country: string): string {
  const digits = String(serial).padStart(8, '0');
  return `${service}${digits}${s10CheckDigit(digits)}${country}`;
}

/** True when `id` is a well-formed S10 identifier with the right check digit. */
export function isValidS10(id: string): boolean {
  const match = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(id);
  return match !== null && s10CheckDigit(match[1]!) === Number(match[2]);
}
