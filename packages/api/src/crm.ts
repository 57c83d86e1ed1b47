// Customers (CRM): consumers and companies, matching across channels, merging, personal data export and erasure.
// Amounts are öre incl. VAT; instants are ISO 8601 UTC. The customer itself is `Customer` (pricing.ts).
import { z } from 'zod';
import { PageQuery } from './common';
import { CustomerGroupCode, CustomerKind } from './customer-fields';
import { Customer } from './pricing';

/** A key an incoming customer is matched on. */
export const CustomerMatchKey = z.enum(['email', 'orgNumber', 'personalNumber']);
export type CustomerMatchKey = z.infer<typeof CustomerMatchKey>;

/** The company's CRM settings: the order matching tries the keys in (the first hit wins). */
export const CrmSettings = z
  .strictObject({
    matchOrder: z
      .array(CustomerMatchKey)
      .min(1)
      .max(3)
      .refine((keys) => new Set(keys).size === keys.length, 'Each key at most once'),
  })
  .meta({ id: 'CrmSettings' });
export type CrmSettings = z.infer<typeof CrmSettings>;

/** Query of `GET /api/customers`: a page by name, optionally searched; merged customers left out. */
export const CustomerListQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(100).optional(),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

/** An incoming customer (API, register): matched to an existing one, or created. */
export const MatchCustomerBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: CustomerKind.optional(),
  email: z.email().max(254).nullable().optional(),
  phone: z.string().trim().min(3).max(40).nullable().optional(),
  orgNumber: z.string().trim().min(1).max(30).nullable().optional(),
  personalNumber: z.string().trim().min(10).max(13).nullable().optional(),
});
export type MatchCustomerBody = z.infer<typeof MatchCustomerBody>;

/** The outcome of matching: the customer, and whether it was made just now (and on which key it matched). */
export const CustomerMatch = z
  .object({ customer: Customer, isNew: z.boolean(), matchedOn: CustomerMatchKey.nullable() })
  .meta({ id: 'CustomerMatch' });
export type CustomerMatch = z.infer<typeof CustomerMatch>;

/** Body of `POST /api/customers/:id/merge`: the customer in the path is merged into `intoId`. */
export const MergeCustomerBody = z.strictObject({ intoId: z.string().min(1).max(100) });
export type MergeCustomerBody = z.infer<typeof MergeCustomerBody>;

/** One purchase in a customer's history: a web order or a store receipt. */
export const CustomerHistoryEntry = z
  .object({
    kind: z.enum(['order', 'receipt']),
    id: z.string(),
    /** The order number, or the receipt's number at its register. */
    number: z.string(),
    /** web/api/register for orders, store for receipts. */
    channel: z.enum(['web', 'api', 'register', 'store']),
    storeId: z.string().nullable(),
    storeName: z.string().nullable(),
    /** The order status; `sale`/`return` for receipts. */
    status: z.string(),
    totalInclVat: z.number().int(),
    currency: z.string(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'CustomerHistoryEntry' });
export type CustomerHistoryEntry = z.infer<typeof CustomerHistoryEntry>;

/** A customer's purchases across web and stores, oldest first (the latest 200). */
export const CustomerHistory = z
  .object({ customerId: z.string(), items: z.array(CustomerHistoryEntry) })
  .meta({ id: 'CustomerHistory' });
export type CustomerHistory = z.infer<typeof CustomerHistory>;

const ExportLine = z.object({
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  totalInclVat: z.number().int(),
});

/** Everything we hold about a person (GDPR art. 15/20), as JSON. */
export const CustomerExport = z
  .object({
    exportedAt: z.iso.datetime(),
    customer: Customer,
    /** Customers merged into this one: their ids (their history is in the lists below). */
    mergedCustomerIds: z.array(z.string()),
    accounts: z.array(
      z.object({
        id: z.string(),
        email: z.string(),
        name: z.string(),
        phone: z.string().nullable(),
        createdAt: z.iso.datetime(),
      }),
    ),
    orders: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        channel: z.string(),
        status: z.string(),
        customerName: z.string(),
        customerEmail: z.string(),
        customerPhone: z.string().nullable(),
        deliveryAddress: z.unknown().nullable(),
        totalInclVat: z.number().int(),
        currency: z.string(),
        createdAt: z.iso.datetime(),
        lines: z.array(ExportLine),
      }),
    ),
    receipts: z.array(
      z.object({
        id: z.string(),
        number: z.number().int(),
        storeId: z.string(),
        kind: z.string(),
        totalInclVat: z.number().int(),
        vatAmount: z.number().int(),
        currency: z.string(),
        occurredAt: z.iso.datetime(),
        lines: z.array(ExportLine),
      }),
    ),
    messages: z.array(
      z.object({
        id: z.string(),
        channel: z.string(),
        to: z.string(),
        template: z.string(),
        status: z.string(),
        createdAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: 'CustomerExport' });
export type CustomerExport = z.infer<typeof CustomerExport>;

/** What an erasure changed: the counts of rows anonymized. */
export const CustomerErasure = z
  .object({
    customer: Customer,
    ordersAnonymized: z.number().int(),
    accountsAnonymized: z.number().int(),
    messagesAnonymized: z.number().int(),
  })
  .meta({ id: 'CustomerErasure' });
export type CustomerErasure = z.infer<typeof CustomerErasure>;

/** A customer group: a code promotions name (`customerGroups`) and a name a manager may change. */
export const CustomerGroup = z
  .object({
    code: z.string(),
    name: z.string(),
    /** Active customers in the group. */
    customers: z.number().int(),
  })
  .meta({ id: 'CustomerGroup' });
export type CustomerGroup = z.infer<typeof CustomerGroup>;

/** Body of `POST /api/customer-groups`. */
export const CreateCustomerGroupBody = z.strictObject({
  code: CustomerGroupCode,
  name: z.string().trim().min(1).max(100),
});
export type CreateCustomerGroupBody = z.infer<typeof CreateCustomerGroupBody>;

/** Body of `PATCH /api/customer-groups/:code`: a new name (the code stays, so rules keep working). */
export const RenameCustomerGroupBody = z.strictObject({ name: z.string().trim().min(1).max(100) });
export type RenameCustomerGroupBody = z.infer<typeof RenameCustomerGroupBody>;
