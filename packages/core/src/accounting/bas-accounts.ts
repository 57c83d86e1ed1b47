// The accounts a day's sales and payments are booked on, with BAS-kontoplan defaults that a
// company may override in the back office.
import type { PaymentMethod } from '../payments/methods';
import type { RegisterPaymentMethod } from '../register/types';
import { isEuCountry } from '../vat/eu-rates';

/** Every account a daily voucher may use, by what it is for. */
export const ACCOUNT_KEYS = [
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
] as const;
export type AccountKey = (typeof ACCOUNT_KEYS)[number];

/** An account number and its name. */
export interface AccountDefinition {
  readonly account: string;
  readonly name: string;
}

/** The BAS defaults (BAS-kontoplanen): Swedish sales per VAT rate, output VAT, and the means of payment. */
export const BAS_DEFAULT_ACCOUNTS: Readonly<Record<AccountKey, AccountDefinition>> = {
  sales_25: { account: '3001', name: 'Försäljning inom Sverige, 25 % moms' },
  sales_12: { account: '3002', name: 'Försäljning inom Sverige, 12 % moms' },
  sales_6: { account: '3003', name: 'Försäljning inom Sverige, 6 % moms' },
  sales_0: { account: '3004', name: 'Försäljning inom Sverige, momsfri' },
  vat_25: { account: '2611', name: 'Utgående moms på försäljning inom Sverige, 25 %' },
  vat_12: { account: '2621', name: 'Utgående moms på försäljning inom Sverige, 12 %' },
  vat_6: { account: '2631', name: 'Utgående moms på försäljning inom Sverige, 6 %' },
  cash: { account: '1910', name: 'Kassa' },
  card: { account: '1580', name: 'Fordringar för kontokort och kuponger' },
  swish: { account: '1930', name: 'Företagskonto/checkkonto/affärskonto' },
  klarna: { account: '1580', name: 'Fordringar för kontokort och kuponger' },
  gift_card: { account: '2421', name: 'Ej inlösta presentkort' },
  voucher: { account: '2429', name: 'Övriga förskott från kunder' },
  invoice: { account: '1510', name: 'Kundfordringar' },
  rounding: { account: '3740', name: 'Öres- och kronutjämning' },
  // OSS (distance sales taxed in the buyer's EU country): BAS's own account for taxable sales of
  // goods to another EU country. The VAT is owed through Skatteverket's OSS return, which must not
  // be in the Swedish VAT return ("Den försäljning som du redovisar i OSS ska du inte redovisa i den
  // vanliga momsdeklarationen", skatteverket.se), so it is kept off the 2611/2621/2631 accounts and
  // the reverse-charge 2614/2634 ones (both feed return boxes) on 2619, not a named BAS account as
  // far as we could check. Rows stay apart per country and rate (their text names both), as the
  // OSS return asks; a company may map other accounts, per country too (docs/accounting.md).
  oss_sales: { account: '3106', name: 'Försäljning varor till annat EU-land, momspliktig' },
  oss_vat: { account: '2619', name: 'Utgående moms OSS, annat EU-land' },
  // A marketplace that took the shopper's money owes it to us until its payout: a receivable on the
  // marketplace, kept apart from card acquirers (1580) so each payout can be matched.
  marketplace: { account: '1680', name: 'Andra kortfristiga fordringar' },
  reminder_fees: { account: '3930', name: 'Påminnelseavgifter' },
  // Paid more than the invoice asked: owed back to the customer until refunded.
  customer_overpaid: { account: '2420', name: 'Förskott från kunder' },
};

/**
 * A company's own OSS account for one destination country, e.g. `oss_sales:FI`: it overrides
 * `oss_sales` (or `oss_vat`) for deliveries to that country. There are no defaults per country.
 */
export type OssCountryKey = `oss_sales:${string}` | `oss_vat:${string}`;

/** The kind and country of a per-country OSS key; undefined for anything else. */
export function parseOssCountryKey(key: string): { kind: 'sales' | 'vat'; country: string } | undefined {
  const match = /^oss_(sales|vat):([A-Z]{2})$/.exec(key);
  if (!match || !isEuCountry(match[2]!)) return undefined;
  return { kind: match[1] as 'sales' | 'vat', country: match[2]! };
}

/** The account number per key that the vouchers use: the defaults with a company's overrides. */
export type AccountMap = Readonly<Record<AccountKey, string>> & {
  /** Per-country OSS accounts by `OssCountryKey`. */
  readonly ossByCountry?: Readonly<Record<string, string>>;
};

/** True for a BAS account number: four digits, the first 1–8. */
export const isAccountNumber = (value: string): boolean => /^[1-8]\d{3}$/.test(value);

/** The defaults, overridden key by key (per-country OSS keys included). */
export function resolveAccountMap(overrides: Readonly<Record<string, string>> = {}): AccountMap {
  const map = {} as Record<AccountKey, string>;
  for (const key of ACCOUNT_KEYS) map[key] = overrides[key] ?? BAS_DEFAULT_ACCOUNTS[key].account;
  const ossByCountry: Record<string, string> = {};
  for (const [key, account] of Object.entries(overrides)) {
    if (parseOssCountryKey(key)) ossByCountry[key] = account;
  }
  return { ...map, ossByCountry };
}

/** The account of a sales or VAT key, the OSS ones per destination country where the company set one. */
export function accountFor(accounts: AccountMap, key: AccountKey, ossCountry?: string | null): string {
  if (ossCountry && (key === 'oss_sales' || key === 'oss_vat')) {
    return accounts.ossByCountry?.[`${key}:${ossCountry}`] ?? accounts[key];
  }
  return accounts[key];
}

/** The VAT rates with their own sales and output VAT accounts (basis points). */
const RATE_KEYS: ReadonlyMap<number, { sales: AccountKey; vat: AccountKey | null }> = new Map([
  [2500, { sales: 'sales_25', vat: 'vat_25' }],
  [1200, { sales: 'sales_12', vat: 'vat_12' }],
  [600, { sales: 'sales_6', vat: 'vat_6' }],
  [0, { sales: 'sales_0', vat: null }],
]);

/**
 * The sales and VAT account keys of a VAT rate: a Swedish rate's own accounts, the OSS accounts
 * for any rate of a sale taxed in another EU country (`ossCountry`), or undefined for a rate we
 * have no account for.
 */
export function accountKeysForVatRate(
  vatRateBp: number,
  ossCountry?: string | null,
): { sales: AccountKey; vat: AccountKey | null } | undefined {
  if (ossCountry) return { sales: 'oss_sales', vat: vatRateBp === 0 ? null : 'oss_vat' };
  return RATE_KEYS.get(vatRateBp);
}

/** The account key a register payment method is booked on (both card kinds are card receivables). */
export function accountKeyForRegisterPayment(method: RegisterPaymentMethod): AccountKey {
  return method === 'card_standalone' || method === 'card_terminal' ? 'card' : method;
}

// Typed by the payment methods, so a new web method does not compile until the books know it.
const WEB_PAYMENT_KEYS: Readonly<Record<Exclude<PaymentMethod, 'in_store'>, AccountKey>> = {
  card: 'card',
  klarna: 'klarna',
  swish: 'swish',
  invoice: 'invoice',
  // A loyalty voucher spent at the web checkout uses up the liability, as at the register.
  voucher: 'voucher',
  // An API or marketplace order the marketplace was paid for: its receivable on the marketplace.
  prepaid_external: 'marketplace',
};

/** The account key of a web payment's method; undefined for one the books do not know. */
export function accountKeyForWebPayment(method: string): AccountKey | undefined {
  return Object.hasOwn(WEB_PAYMENT_KEYS, method)
    ? WEB_PAYMENT_KEYS[method as keyof typeof WEB_PAYMENT_KEYS]
    : undefined;
}
