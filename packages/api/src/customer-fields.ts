// The CRM's fields of a customer, shared by the customer contract (pricing.ts) and the CRM routes
// (crm.ts). Amounts are öre incl. VAT.
import { z } from 'zod';
import { Address } from './orders';

/** A consumer (a person) or a company. */
export const CustomerKind = z.enum(['consumer', 'company']);
export type CustomerKind = z.infer<typeof CustomerKind>;

/** A person to talk to at a company customer. */
export const CustomerContact = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254).nullable().default(null),
    phone: z.string().trim().min(3).max(40).nullable().default(null),
    role: z.string().trim().min(1).max(100).nullable().default(null),
  })
  .meta({ id: 'CustomerContact' });
export type CustomerContact = z.infer<typeof CustomerContact>;

/** What the CRM adds to a customer as read. */
export const CustomerCrmFields = z.object({
  kind: CustomerKind,
  /** YYYYMMDD-XXXX (consumers, optional). */
  personalNumber: z.string().nullable(),
  phone: z.string().nullable(),
  /** The loyalty card's number: unique per company, scanned at the register. */
  cardNumber: z.string().nullable(),
  paymentTermsDays: z.number().int().nullable(),
  /** Öre; null is no credit. */
  creditLimit: z.number().int().nullable(),
  deliveryAddress: Address.nullable(),
  invoiceAddress: Address.nullable(),
  contacts: z.array(CustomerContact),
  /** The customer's group codes (customer groups, `GET /api/customer-groups`), sorted. */
  groups: z.array(z.string()),
  /** Set on a merged customer: the one kept. */
  mergedIntoId: z.string().nullable(),
  erasedAt: z.iso.datetime().nullable(),
});

const Phone = z.string().trim().min(3).max(40);
const CardNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{4,40}$/, 'Letters, digits and - only (4–40)');

/**
 * A customer group's code: lower-case letters, digits, `-` and `_`. The kinds `company` and
 * `consumer` are built-in groups every customer of that kind is in, so they are not codes.
 */
export const CustomerGroupCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Lower-case letters, digits, - and _ (1–40)')
  .refine((code) => code !== 'company' && code !== 'consumer', 'company and consumer are built-in groups');

/** What the CRM adds to `POST /api/customers` (all optional: a bare customer is still valid). */
export const CustomerCrmInput = z.object({
  kind: CustomerKind.optional(),
  /** Checked: date and check digit; a samordningsnummer is taken. */
  personalNumber: z.string().trim().min(10).max(13).nullable().optional(),
  phone: Phone.nullable().optional(),
  cardNumber: CardNumber.nullable().optional(),
  paymentTermsDays: z.number().int().min(0).max(365).nullable().optional(),
  creditLimit: z.number().int().min(0).max(100_000_000_00).nullable().optional(),
  deliveryAddress: Address.nullable().optional(),
  invoiceAddress: Address.nullable().optional(),
  contacts: z.array(CustomerContact).max(20).optional(),
  /** Replaces the customer's groups; each must exist (400 naming `groups[i]`). */
  groups: z.array(CustomerGroupCode).max(50).optional(),
});
export type CustomerCrmInput = z.infer<typeof CustomerCrmInput>;
