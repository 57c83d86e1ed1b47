// What the register shows of customers, free of React: the card a scan found, a history row's
// words, the new-customer form's body and its field errors.
import { ApiError, type Customer, type CustomerHistoryEntry, type MatchCustomerBody } from '@handla/api';
import type { CartCustomer } from '../sale/cart';

/** The customer whose loyalty card is exactly the scanned code (a scan should not need a second tap). */
export function customerWithCard(customers: readonly Customer[], code: string): Customer | null {
  const wanted = code.trim().toUpperCase();
  if (wanted === '') return null;
  return customers.find((c) => c.cardNumber?.toUpperCase() === wanted) ?? null;
}

/**
 * The customer as the cart keeps them (saved with the cart, so promotions price the same offline):
 * a loyalty card makes a member; the groups are the customer's kind (a built-in group, as rules
 * written before groups existed expect) and their own group codes.
 */
export function cartCustomerOf(customer: Customer): CartCustomer {
  return {
    id: customer.id,
    name: customer.name,
    isMember: customer.cardNumber !== null,
    groups: [customer.kind, ...(customer.groups ?? [])],
  };
}

/** The secondary facts of a search result, in the order a cashier reads them; empty ones left out. */
export function customerFacts(customer: Customer): string[] {
  return [customer.phone, customer.personalNumber ?? customer.orgNumber, customer.email].filter(
    (fact): fact is string => fact !== null && fact !== '',
  );
}

export type HistoryTitleKey = 'pos.customers.history.order' | 'pos.customers.history.receipt';

/** "Order 1042" / "Kvitto 17" and where: a store's name, or null for the web shop (web/API orders). */
export function historyRow(entry: CustomerHistoryEntry): {
  titleKey: HistoryTitleKey;
  number: string;
  storeName: string | null;
} {
  return {
    titleKey: entry.kind === 'order' ? 'pos.customers.history.order' : 'pos.customers.history.receipt',
    number: entry.number,
    // An order placed at a register has a store; web and API orders come from the web shop.
    storeName: entry.storeId === null ? null : (entry.storeName ?? entry.storeId),
  };
}

/** The latest first: the cashier wants the last visit, the server lists the oldest first. */
export function latestFirst(items: readonly CustomerHistoryEntry[]): CustomerHistoryEntry[] {
  return [...items].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export interface NewCustomerForm {
  name: string;
  phone: string;
  email: string;
  personalNumber: string;
}

export const EMPTY_NEW_CUSTOMER: NewCustomerForm = { name: '', phone: '', email: '', personalNumber: '' };

/** The match-or-create body: trimmed, and fields left empty are not sent (an empty string is not a value). */
export function newCustomerBody(form: NewCustomerForm): MatchCustomerBody {
  const body: MatchCustomerBody = { name: form.name.trim(), kind: 'consumer' };
  const phone = form.phone.trim();
  const email = form.email.trim();
  const personalNumber = form.personalNumber.trim();
  if (phone) body.phone = phone;
  if (email) body.email = email;
  if (personalNumber) body.personalNumber = personalNumber;
  return body;
}

export type NewCustomerField = keyof NewCustomerForm;
const FORM_FIELDS: readonly NewCustomerField[] = ['name', 'phone', 'email', 'personalNumber'];

/**
 * The server's 400/409 field errors on the form's own fields, one per field, so each input can show
 * its message beside it; errors on other fields stay for the general notice.
 */
export function formFieldErrors(error: unknown): Partial<Record<NewCustomerField, string>> {
  if (!(error instanceof ApiError)) return {};
  const byField: Partial<Record<NewCustomerField, string>> = {};
  for (const { field, message } of error.problem.errors) {
    const name = field.split('.')[0] as NewCustomerField;
    if (FORM_FIELDS.includes(name) && byField[name] === undefined) byField[name] = message;
  }
  return byField;
}
