// The register's customer calls (docs/customers.md "At the register"), with its device token.
import type { Customer, CustomerHistory, CustomerMatch, MatchCustomerBody } from '@handla/api';
import { call } from '../device-api';

const enc = encodeURIComponent;

export function customersApi(registerId: string, token: string) {
  const base = `/api/registers/${enc(registerId)}/customers`;
  return {
    /** By card number exactly (listed first), name, e-mail, or the digits of a phone or number. */
    search: (q: string) => call<{ items: Customer[] }>('GET', `${base}?q=${enc(q)}&limit=10`, token),
    /** Web orders and store receipts, oldest first (the latest 200). */
    history: (customerId: string) =>
      call<CustomerHistory>('GET', `${base}/${enc(customerId)}/history`, token),
    /** Finds the customer by the match order, or creates them: 200 found, 201 new. */
    matchOrCreate: (body: MatchCustomerBody) => call<CustomerMatch>('POST', base, token, body),
  };
}

export type CustomersApi = ReturnType<typeof customersApi>;
