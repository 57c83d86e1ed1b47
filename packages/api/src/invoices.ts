// CONTRACT READY
// The invoices contract: invoices made for sales paid by invoice, their payments (by hand or from a
// Bankgirot BgMax file), reminders, the register's credit pre-check and the company's settings.
import { z } from 'zod';
import { Problem } from './common';

const Id = z.string().min(1).max(100);
const LocalDate = z.iso.date();
const Ore = z.number().int();

export const INVOICE_STATES = ['open', 'partially_paid', 'paid', 'credited'] as const;
export const InvoiceState = z.enum(INVOICE_STATES);
export type InvoiceState = z.infer<typeof InvoiceState>;

/** The buyer as invoiced: a copy taken at issue, so the invoice never changes afterwards. */
export const InvoiceBuyer = z
  .object({
    customerId: z.string(),
    name: z.string(),
    kind: z.enum(['consumer', 'company']),
    orgNumber: z.string().nullable(),
    email: z.string().nullable(),
    address: z
      .object({
        name: z.string(),
        street: z.string(),
        postalCode: z.string(),
        city: z.string(),
        country: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'InvoiceBuyer' });
export type InvoiceBuyer = z.infer<typeof InvoiceBuyer>;

export const InvoiceLine = z.object({
  description: z.string(),
  quantity: z.number().int(),
  unitPriceInclVat: Ore,
  amountInclVat: Ore,
  vatRateBp: z.number().int(),
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

export const InvoiceVatRate = z.object({
  vatRateBp: z.number().int(),
  grossAmount: Ore,
  netAmount: Ore,
  vatAmount: Ore,
});

export const InvoicePaymentMethod = z.enum(['manual', 'bankgiro', 'credit']);

/** Money in against an invoice (or a bank payment no invoice matched: `invoiceId` null). */
export const InvoicePayment = z
  .object({
    id: z.string(),
    invoiceId: z.string().nullable(),
    method: InvoicePaymentMethod,
    amount: Ore,
    paidOn: LocalDate,
    reference: z.string().nullable(),
    payer: z.string().nullable(),
    bankReference: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'InvoicePayment' });
export type InvoicePayment = z.infer<typeof InvoicePayment>;

export const InvoiceSummary = z
  .object({
    id: z.string(),
    number: z.number().int(),
    ocr: z.string(),
    state: InvoiceState,
    customerId: z.string(),
    buyerName: z.string(),
    sourceKind: z.enum(['receipt', 'order', 'manual']),
    sourceId: z.string(),
    currency: z.string(),
    totalInclVat: Ore,
    feesAmount: Ore,
    paidAmount: Ore,
    creditedAmount: Ore,
    /** Left to pay; negative when the customer paid too much. */
    balance: Ore,
    issueDate: LocalDate,
    dueDate: LocalDate,
    isOverdue: z.boolean(),
    isOverCreditLimit: z.boolean(),
    reminderCount: z.number().int(),
  })
  .meta({ id: 'InvoiceSummary' });
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

export const Invoice = InvoiceSummary.extend({
  buyer: InvoiceBuyer,
  lines: z.array(InvoiceLine),
  vat: z.array(InvoiceVatRate),
  vatAmount: Ore,
  lastRemindedOn: LocalDate.nullable(),
  payments: z.array(InvoicePayment),
  pdfUrl: z.string(),
}).meta({ id: 'Invoice' });
export type Invoice = z.infer<typeof Invoice>;

export const InvoiceListQuery = z.strictObject({
  /** `unpaid` = open or partially paid; `overdue` = unpaid past the due date. */
  status: z.enum(['unpaid', 'overdue', 'paid', 'credited', 'all']).default('unpaid'),
  customerId: Id.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type InvoiceListQuery = z.infer<typeof InvoiceListQuery>;

export const InvoiceList = z
  .object({
    items: z.array(InvoiceSummary),
    /** Sums over every invoice the filter matches (not only this page). */
    sums: z.object({ count: z.number().int(), totalInclVat: Ore, balance: Ore, overdueBalance: Ore }),
  })
  .meta({ id: 'InvoiceList' });
export type InvoiceList = z.infer<typeof InvoiceList>;

const InvoiceLineBody = z.strictObject({
  description: z.string().trim().min(1).max(200),
  quantity: z.number().int().min(1).max(100_000),
  unitPriceInclVat: z.number().int().min(1).max(1_000_000_000),
  vatRateBp: z.union([z.literal(2500), z.literal(1200), z.literal(600), z.literal(0)]),
});

/** A sale on account made in the back office or by an integration (no register, no web order). */
export const CreateInvoiceBody = z
  .strictObject({
    /** Client-made: a retried request is the same invoice. */
    saleId: z.string().trim().min(8).max(100),
    customerId: Id,
    lines: z.array(InvoiceLineBody).min(1).max(100),
    locale: z.enum(['sv', 'en']).default('sv'),
  })
  .meta({ id: 'CreateInvoiceBody' });
export type CreateInvoiceBody = z.infer<typeof CreateInvoiceBody>;

export const RegisterInvoicePaymentBody = z
  .strictObject({
    amount: z.number().int().min(1).max(1_000_000_000),
    paidOn: LocalDate,
    /** Client-made: a repeated form post records one payment. */
    paymentId: z.string().trim().min(8).max(100),
    note: z.string().trim().max(200).optional(),
  })
  .meta({ id: 'RegisterInvoicePaymentBody' });
export type RegisterInvoicePaymentBody = z.infer<typeof RegisterInvoicePaymentBody>;

/** What importing a bank file did; a repeated file answers `isRepeat: true` and changes nothing. */
export const BankFileImport = z
  .object({
    importId: z.string(),
    isRepeat: z.boolean(),
    fileTimestamp: z.string(),
    payments: z.number().int(),
    matched: z.number().int(),
    unmatched: z.number().int(),
    totalAmount: Ore,
    rows: z.array(
      z.object({
        line: z.number().int(),
        reference: z.string(),
        amount: Ore,
        paidOn: LocalDate,
        payer: z.string().nullable(),
        outcome: z.enum(['paid', 'partially_paid', 'overpaid', 'unmatched', 'already_recorded']),
        invoiceId: z.string().nullable(),
        invoiceNumber: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'BankFileImport' });
export type BankFileImport = z.infer<typeof BankFileImport>;

/** The register asks before taking an invoice payment (online only). */
export const InvoiceCreditCheckBody = z.strictObject({ customerId: Id, amount: z.number().int().min(1) });
export const InvoiceCreditCheck = z
  .object({
    isAllowed: z.boolean(),
    creditLimit: Ore.nullable(),
    openBalance: Ore,
    headroom: Ore,
  })
  .meta({ id: 'InvoiceCreditCheck' });
export type InvoiceCreditCheck = z.infer<typeof InvoiceCreditCheck>;
/** The pre-check's 409: the problem plus the limit and headroom the register shows (RFC 9457 extension members). */
export const InvoiceCreditRefusal = Problem.extend({
  creditLimit: Ore.nullable(),
  openBalance: Ore,
  headroom: Ore,
}).meta({ id: 'InvoiceCreditRefusal' });
export type InvoiceCreditRefusal = z.infer<typeof InvoiceCreditRefusal>;

export const InvoiceSettings = z
  .object({
    street: z.string().trim().max(200).nullable(),
    postalCode: z.string().trim().max(12).nullable(),
    city: z.string().trim().max(100).nullable(),
    email: z.email().max(254).nullable(),
    /** NNN-NNNN or NNNN-NNNN. */
    bankgiro: z
      .string()
      .trim()
      .regex(/^\d{3,4}-\d{4}$/, 'A bankgiro number, e.g. 991-2346')
      .nullable(),
    iban: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}\d{2}[A-Z0-9 ]{10,30}$/, 'An IBAN, e.g. SE45 5000 0000 0583 9825 7466')
      .nullable(),
    bic: z
      .string()
      .trim()
      .regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'A BIC, e.g. ESSESESS')
      .nullable(),
    /** Consumers may pay web orders by invoice (companies always may, within their credit). */
    allowConsumers: z.boolean(),
    reminderDaysAfterDue: z.number().int().min(0).max(365),
    reminderIntervalDays: z.number().int().min(1).max(365),
    maxReminders: z.number().int().min(0).max(10),
    /** Öre added to the invoice with each reminder (0: none). */
    reminderFee: z.number().int().min(0).max(100_000),
  })
  .meta({ id: 'InvoiceSettings' });
export type InvoiceSettings = z.infer<typeof InvoiceSettings>;
