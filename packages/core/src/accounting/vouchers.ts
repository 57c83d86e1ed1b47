// Vouchers (verifikationer) as the books see them: a dated, numbered set of transactions on
// accounts that sums to zero. Amounts are öre; debit is positive, credit negative, as in SIE.
import { DomainError } from '../errors';

/** One transaction (#TRANS) of a voucher. */
export interface VoucherTransaction {
  /** The account number (BAS: four digits). */
  readonly account: string;
  /** Öre: debit positive, credit negative. */
  readonly amount: number;
  readonly text?: string;
}

/** A voucher (#VER): series and number name it; `date` is the booking date YYYY-MM-DD. */
export interface Voucher {
  readonly series: string;
  readonly number: number;
  readonly date: string;
  readonly text: string;
  readonly transactions: readonly VoucherTransaction[];
}

/** How a voucher is named in messages and field errors: series and number, e.g. "K 3". */
export const voucherName = (v: Pick<Voucher, 'series' | 'number'>): string => `${v.series} ${v.number}`;

/** The sum of a voucher's transactions in öre: zero when it balances. */
export function voucherImbalance(voucher: Voucher): number {
  return voucher.transactions.reduce((sum, t) => sum + t.amount, 0);
}

/**
 * Throws `unbalanced_voucher` naming every voucher whose transactions do not sum to zero (or that
 * has a non-integer amount), so nothing is written from a set that is wrong anywhere.
 */
export function assertVouchersBalance(vouchers: readonly Voucher[]): void {
  const errors: { field: string; message: string }[] = [];
  for (const v of vouchers) {
    if (v.transactions.some((t) => !Number.isSafeInteger(t.amount))) {
      errors.push({ field: `vouchers.${voucherName(v)}`, message: 'An amount is not whole öre' });
      continue;
    }
    const imbalance = voucherImbalance(v);
    if (imbalance !== 0) {
      errors.push({
        field: `vouchers.${voucherName(v)}`,
        message: `Voucher ${voucherName(v)} (${v.date}) does not balance: off by ${imbalance} öre`,
      });
    }
  }
  if (errors.length > 0) {
    throw new DomainError(
      'unbalanced_voucher',
      `Voucher ${errors.map((e) => e.field.slice('vouchers.'.length)).join(', ')} does not balance.`,
      errors,
    );
  }
}

/** Merges transactions on the same account and text and drops zero ones: one line per account. */
export function mergeTransactions(transactions: readonly VoucherTransaction[]): VoucherTransaction[] {
  const merged = new Map<string, VoucherTransaction>();
  for (const t of transactions) {
    const key = `${t.account}\u0000${t.text ?? ''}`;
    const sum = merged.get(key);
    merged.set(key, { ...t, amount: (sum?.amount ?? 0) + t.amount });
  }
  return [...merged.values()].filter((t) => t.amount !== 0);
}
