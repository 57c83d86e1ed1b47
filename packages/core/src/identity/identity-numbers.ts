// Swedish personal identity numbers (personnummer, samordningsnummer) and organisation numbers,
// checked by the maintained `personnummer`/`organisationsnummer` packages (date, century, Luhn
// digit) and normalized to the one form we store.
import Organisationsnummer from 'organisationsnummer';
import Personnummer from 'personnummer';

/** A field error in the shape of problem+json's `errors` entries. */
export interface IdentityFieldError {
  readonly field: string;
  readonly message: string;
}

/** A valid number in its normalized form, or the field error to show. */
export type IdentityCheck<T> =
  | ({ readonly ok: true; readonly value: string } & T)
  | { readonly ok: false; readonly error: IdentityFieldError };

/**
 * Validates a personnummer or samordningsnummer (10 or 12 digits, with or without "-"/"+") and
 * normalizes it to YYYYMMDD-XXXX (a samordningsnummer keeps its day + 60). Interim numbers are refused.
 */
export function validatePersonalNumber(
  input: string,
  field = 'personalNumber',
): IdentityCheck<{ readonly isCoordinationNumber: boolean }> {
  const value = input.trim();
  const options = { allowCoordinationNumber: true, allowInterimNumber: false };
  if (!/^(\d{2})?\d{6}[-+]?\d{4}$/.test(value) || !Personnummer.valid(value, options)) {
    return {
      ok: false,
      error: { field, message: 'Not a valid Swedish personal identity number (YYYYMMDD-XXXX)' },
    };
  }
  const pnr = Personnummer.parse(value, options);
  const long = pnr.format(true);
  return {
    ok: true,
    value: `${long.slice(0, 8)}-${long.slice(8)}`,
    isCoordinationNumber: pnr.isCoordinationNumber(),
  };
}

/**
 * Validates an organisation number (NNNNNN-NNNN, the third digit ≥ 2, Luhn digit last) and
 * normalizes it to NNNNNN-NNNN. A sole trader's personnummer is not taken here: use
 * `validatePersonalNumber` for people.
 */
export function validateOrganisationNumber(
  input: string,
  field = 'organisationNumber',
): IdentityCheck<{ readonly vatNumber: string }> {
  const value = input.trim();
  let org: Organisationsnummer | undefined;
  if (/^(16)?\d{6}-?\d{4}$/.test(value) && Organisationsnummer.valid(value)) {
    org = Organisationsnummer.parse(value);
  }
  if (!org || org.isPersonnummer()) {
    return {
      ok: false,
      error: { field, message: 'Not a valid Swedish organisation number (NNNNNN-NNNN)' },
    };
  }
  return { ok: true, value: org.format(true), vatNumber: org.vatNumber() };
}
