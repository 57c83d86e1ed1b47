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
]);
export type AccountingKey = z.infer<typeof AccountingKey>;

/** A BAS account number: four digits, the first 1–8. */
export const AccountNumber = z
  .string()
  .trim()
  .regex(/^[1-8]\d{3}$/, 'A BAS account: four digits, the first 1–8');

/** One row of the mapping: the account in use, the BAS default, and the account's name. */
export const AccountMapping = z
  .object({
    key: AccountingKey,
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
    .array(z.strictObject({ key: AccountingKey, account: AccountNumber.nullable() }))
    .min(1)
    .max(50),
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
