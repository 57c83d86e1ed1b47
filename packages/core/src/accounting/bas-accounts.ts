// The accounts a day's sales and payments are booked on, with BAS-kontoplan defaults that a
// company may override in the back office.
import type { RegisterPaymentMethod } from '../register/types';

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
};

/** The account number per key that the vouchers use: the defaults with a company's overrides. */
export type AccountMap = Readonly<Record<AccountKey, string>>;

/** True for a BAS account number: four digits, the first 1–8. */
export const isAccountNumber = (value: string): boolean => /^[1-8]\d{3}$/.test(value);

/** The defaults, overridden key by key. */
export function resolveAccountMap(overrides: Partial<Record<AccountKey, string>> = {}): AccountMap {
  const map = {} as Record<AccountKey, string>;
  for (const key of ACCOUNT_KEYS) map[key] = overrides[key] ?? BAS_DEFAULT_ACCOUNTS[key].account;
  return map;
}

/** The VAT rates with their own sales and output VAT accounts (basis points). */
const RATE_KEYS: ReadonlyMap<number, { sales: AccountKey; vat: AccountKey | null }> = new Map([
  [2500, { sales: 'sales_25', vat: 'vat_25' }],
  [1200, { sales: 'sales_12', vat: 'vat_12' }],
  [600, { sales: 'sales_6', vat: 'vat_6' }],
  [0, { sales: 'sales_0', vat: null }],
]);

/** The sales and VAT account keys of a Swedish VAT rate, or undefined for a rate we have no account for. */
export const accountKeysForVatRate = (vatRateBp: number) => RATE_KEYS.get(vatRateBp);

/** The account key a register payment method is booked on (both card kinds are card receivables). */
export function accountKeyForRegisterPayment(method: RegisterPaymentMethod): AccountKey {
  return method === 'card_standalone' || method === 'card_terminal' ? 'card' : method;
}

/** The account key of a web payment's method ('in_store' is paid, and booked, at the register). */
export function accountKeyForWebPayment(method: 'card' | 'klarna' | 'swish' | 'invoice'): AccountKey {
  return method;
}
