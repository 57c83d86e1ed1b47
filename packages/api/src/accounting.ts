// Accounting: the daily SIE 4 export, the account each figure is booked on, and the import of a
// chart of accounts (SIE #KONTO names). See docs/accounting.md.
import { z } from 'zod';

/** What an account is used for in the daily vouchers (the same keys as the core's ACCOUNT_KEYS). */
export const AccountingKey = z.enum([
  'sales_25',
  'sales_12',
  'sales_6',
  'sales_0',
  'vat_25',
  'vat_12',
  'vat_6',
  'cash',
  'card',
  'swish',
  'klarna',
  'gift_card',
  'voucher',
  'invoice',
  'rounding',
  'oss_sales',
  'oss_vat',
  'marketplace',
  'reminder_fees',
  'customer_overpaid',
]);
export type AccountingKey = z.infer<typeof AccountingKey>;

/**
 * A mapping key: one of `AccountingKey`, or a company's own OSS account for one EU destination
 * country (`oss_sales:FI`, `oss_vat:FI`), which overrides `oss_sales`/`oss_vat` for that country.
 */
export const AccountMappingKey = z.union([
  AccountingKey,
  z.string().regex(/^oss_(sales|vat):[A-Z]{2}$/, 'A key, or oss_sales:CC / oss_vat:CC for an EU country'),
]);
export type AccountMappingKey = z.infer<typeof AccountMappingKey>;

/** A BAS account number: four digits, the first 1–8. */
export const AccountNumber = z
  .string()
  .trim()
  .regex(/^[1-8]\d{3}$/, 'A BAS account: four digits, the first 1–8');

/** One row of the mapping: the account in use, the BAS default, and the account's name. */
export const AccountMapping = z
  .object({
    key: AccountMappingKey,
    account: z.string(),
    defaultAccount: z.string(),
    isDefault: z.boolean(),
    /** From the imported chart of accounts, else the BAS name of the default. */
    name: z.string(),
  })
  .meta({ id: 'AccountMapping' });
export type AccountMapping = z.infer<typeof AccountMapping>;

/** `GET/PUT /api/accounting/accounts`: every key, and how many account names were imported. */
export const AccountMappingList = z
  .object({ items: z.array(AccountMapping), importedAccountNames: z.number().int() })
  .meta({ id: 'AccountMappingList' });
export type AccountMappingList = z.infer<typeof AccountMappingList>;

/** `PUT /api/accounting/accounts`: the keys to change; `account: null` goes back to the BAS default. */
export const PutAccountMappingBody = z.strictObject({
  accounts: z
    .array(z.strictObject({ key: AccountMappingKey, account: AccountNumber.nullable() }))
    .min(1)
    .max(120),
});
export type PutAccountMappingBody = z.input<typeof PutAccountMappingBody>;

/** `GET /api/accounting/sie`: one local date, or a period `from`–`to` (both included, at most a year). */
export const SieExportQuery = z.strictObject({
  date: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});
export type SieExportQuery = z.infer<typeof SieExportQuery>;

/** `POST /api/accounting/accounts/import`: what the SIE file held. */
export const ChartImportResult = z
  .object({ importedAccountNames: z.number().int(), companyName: z.string().nullable() })
  .meta({ id: 'ChartImportResult' });
export type ChartImportResult = z.infer<typeof ChartImportResult>;

/** A currency other than the krona, as ISO 4217 letters. */
export const ForeignCurrency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Three capital letters, e.g. EUR')
  .refine((c) => c !== 'SEK', 'The books are in SEK: a rate is for another currency');

/** `PUT /api/accounting/exchange-rates/:currency/:date`: kronor per unit, at most six decimals. */
export const PutExchangeRateBody = z.strictObject({
  rateToSek: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(
      z
        .string()
        .regex(/^\d{1,8}(\.\d{1,6})?$/, 'A positive decimal with at most six decimals, e.g. 11.2345')
        .refine((v) => Number(v) > 0, 'More than zero'),
    ),
  source: z.string().trim().max(200).default(''),
});
export type PutExchangeRateBody = z.input<typeof PutExchangeRateBody>;

/** One rate as stored. */
export const ExchangeRate = z
  .object({
    currency: z.string(),
    date: z.string(),
    rateToSek: z.string(),
    source: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ExchangeRate' });
export type ExchangeRate = z.infer<typeof ExchangeRate>;

/** `GET /api/accounting/exchange-rates?currency=&from=&to=`: newest first. */
export const ExchangeRateQuery = z.strictObject({
  currency: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});
export type ExchangeRateQuery = z.infer<typeof ExchangeRateQuery>;

export const ExchangeRateList = z.object({ items: z.array(ExchangeRate) }).meta({ id: 'ExchangeRateList' });
export type ExchangeRateList = z.infer<typeof ExchangeRateList>;

/**
 * `POST /api/invoices/:id/refunds`: money paid back to a customer who paid more than the invoice
 * asked. `refundId` is client-made: a repeated post records one refund. Booked by the SIE export.
 */
export const InvoiceRefundBody = z
  .strictObject({
    refundId: z.string().trim().min(8).max(100),
    amount: z.number().int().positive().max(100_000_000),
    refundedOn: z.iso.date(),
    note: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'InvoiceRefundBody' });
export type InvoiceRefundBody = z.infer<typeof InvoiceRefundBody>;

/** A refund as recorded, with what the invoice shows afterwards (negative balance = still over-paid). */
export const InvoiceRefund = z
  .object({
    refundId: z.string(),
    invoiceId: z.string(),
    amount: z.number().int(),
    refundedOn: z.string(),
    balance: z.number().int(),
  })
  .meta({ id: 'InvoiceRefund' });
export type InvoiceRefund = z.infer<typeof InvoiceRefund>;
