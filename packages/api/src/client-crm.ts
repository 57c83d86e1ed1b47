// The customers (CRM) area of the typed client: the register of consumers and companies, matching
// settings, merge, history, and personal data export and erasure.
// Types only from the contract files, so browser bundles stay free of zod.
import { queryString, type Transport } from './client';
import type {
  CreateCustomerGroupBody,
  CrmSettings,
  CustomerErasure,
  CustomerExport,
  CustomerGroup,
  CustomerHistory,
  CustomerListQuery,
  CustomerMatch,
  MatchCustomerBody,
} from './crm';
import type { CreateCustomerBody, Customer, UpdateCustomerBody } from './pricing';

export function createCrmClient({ request }: Transport) {
  const enc = encodeURIComponent;
  return {
    /** GET /api/customers: a page by name, optionally searched (name, e-mail, numbers, phone, card). */
    list: (q: Partial<CustomerListQuery> = {}) =>
      request<{ items: Customer[]; nextCursor: string | null }>(
        'GET',
        `/api/customers${queryString({ ...q })}`,
      ),
    get: (id: string) => request<Customer>('GET', `/api/customers/${enc(id)}`),
    /** POST /api/customers: 400 naming a bad personal or organisation number. */
    create: (body: Partial<CreateCustomerBody> & { name: string }) =>
      request<Customer>('POST', '/api/customers', body),
    /** PATCH /api/customers/:id at the version read; 409 when someone changed it first. */
    update: (id: string, body: UpdateCustomerBody) =>
      request<Customer>('PATCH', `/api/customers/${enc(id)}`, body),
    match: (body: MatchCustomerBody) => request<CustomerMatch>('POST', '/api/customers/match', body),
    settings: () => request<CrmSettings>('GET', '/api/customers/settings'),
    saveSettings: (body: CrmSettings) => request<CrmSettings>('PUT', '/api/customers/settings', body),
    /** POST /api/customers/:id/merge: `id` is merged into `intoId` and kept as a tombstone. */
    merge: (id: string, intoId: string) =>
      request<Customer>('POST', `/api/customers/${enc(id)}/merge`, { intoId }),
    history: (id: string) => request<CustomerHistory>('GET', `/api/customers/${enc(id)}/history`),
    exportData: (id: string) => request<CustomerExport>('GET', `/api/customers/${enc(id)}/export`),
    /** POST /api/customers/:id/erase: anonymizes the person; receipts and bookkeeping stay. */
    erase: (id: string) => request<CustomerErasure>('POST', `/api/customers/${enc(id)}/erase`),
    /** GET /api/customer-groups: the groups promotions can name, with their number of customers. */
    groups: () => request<{ items: CustomerGroup[] }>('GET', '/api/customer-groups'),
    /** POST /api/customer-groups: 409 naming `code` when it is taken. */
    createGroup: (body: CreateCustomerGroupBody) =>
      request<CustomerGroup>('POST', '/api/customer-groups', body),
    /** PATCH /api/customer-groups/:code: a new name; the code (and every rule naming it) stays. */
    renameGroup: (code: string, name: string) =>
      request<CustomerGroup>('PATCH', `/api/customer-groups/${enc(code)}`, { name }),
  };
}
