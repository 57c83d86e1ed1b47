// Checks a customer's new state before it is written: Swedish personal and organisation numbers
// through the core (format, date, check digit), a B2B price list, a card number nobody else holds.
// Every problem is collected, so one 400 names every bad field.
import { DomainError, validateOrganisationNumber, validatePersonalNumber } from '@handla/core';
import type { Queryable } from '@handla/db';
import { findPriceListFacts } from '../pricing/pricing.lookups';
import { unknownGroupCodes } from './customer-groups.store';
import { type CustomerState, findCardHolder } from './customers.store';

type FieldError = { field: string; message: string };

/** The state with its numbers normalized (YYYYMMDD-XXXX, NNNNNN-NNNN), or 400/409 naming the fields. */
export async function checkCustomerState(
  q: Queryable,
  companyId: string,
  next: CustomerState,
  current: (CustomerState & { id: string }) | null,
): Promise<CustomerState> {
  const errors: FieldError[] = [];
  const normalized = { ...next };
  if (next.personalNumber !== null && next.personalNumber !== current?.personalNumber) {
    const check = validatePersonalNumber(next.personalNumber, 'personalNumber');
    if (check.ok) normalized.personalNumber = check.value;
    else errors.push(check.error);
  }
  if (next.personalNumber !== null && next.kind === 'company') {
    errors.push({ field: 'personalNumber', message: 'A company has an organisation number instead' });
  }
  if (next.orgNumber !== null && next.orgNumber !== current?.orgNumber) {
    const check = validateOrganisationNumber(next.orgNumber, 'orgNumber');
    if (check.ok) normalized.orgNumber = check.value;
    else errors.push(check.error);
  }
  if (next.priceListId !== null && next.priceListId !== current?.priceListId) {
    // Only B2B lists are assigned: the retail list is what everyone without a list pays anyway.
    const list = await findPriceListFacts(q, next.priceListId);
    if (list?.kind !== 'b2b') {
      errors.push({ field: 'priceListId', message: list ? 'Not a B2B list' : 'Unknown price list' });
    }
  }
  // Groups the customer was already in stay valid; a new code must be one of the company's groups.
  const added = next.groups.filter((code) => !current?.groups.includes(code));
  const unknown = new Set(await unknownGroupCodes(q, companyId, added));
  next.groups.forEach((code, i) => {
    if (unknown.has(code)) errors.push({ field: `groups[${i}]`, message: `No customer group ${code}` });
  });
  normalized.groups = [...new Set(next.groups)].sort();
  if (errors.length > 0) {
    throw new DomainError('validation_failed', 'Check the fields of the customer.', errors);
  }
  if (normalized.cardNumber !== null && normalized.cardNumber !== current?.cardNumber) {
    const holder = await findCardHolder(q, companyId, normalized.cardNumber);
    if (holder !== undefined && holder !== current?.id) {
      throw new DomainError('duplicate', 'Another customer has that card number.', [
        { field: 'cardNumber', message: 'Already on another customer' },
      ]);
    }
  }
  return normalized;
}
