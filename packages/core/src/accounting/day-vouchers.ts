// A day's figures → one voucher: the means of payment on the debit side, sales per VAT rate, output
// VAT, cash rounding and gift cards sold on the credit side. Returns and refunds come in negative
// and so reverse the same accounts.
import { DomainError } from '../errors';
import { vatOfInclusive } from '../vat/vat';
import { type AccountKey, type AccountMap, accountFor, accountKeysForVatRate } from './bas-accounts';
import { mergeTransactions, type Voucher, type VoucherTransaction } from './vouchers';

/** Sales of one VAT rate, VAT included (negative for a day of more returns than sales). */
export interface RateSales {
  readonly vatRateBp: number;
  readonly grossAmount: number;
  readonly vatAmount: number;
  /** The EU country whose VAT this is, for a sale taxed there through OSS; absent for domestic VAT. */
  readonly ossCountry?: string | null;
}

/** What one store (or the web shop) took in on one day, in öre. */
export interface DayFigures {
  /** YYYY-MM-DD, the local booking date. */
  readonly date: string;
  /** The voucher text, e.g. "Kassa Stockholm 2026-12-03". */
  readonly text: string;
  readonly salesByRate: readonly RateSales[];
  /** Money in by means of payment (negative when paid back): the debit side. */
  readonly payments: readonly { readonly key: AccountKey; readonly amount: number }[];
  /** Cash rounding (rounded − exact): positive is income. */
  readonly rounding: number;
  /** Gift cards sold (loaded) that day: a liability, not a sale. */
  readonly giftCardsSold: number;
}

const PAYMENT_TEXT: Partial<Record<AccountKey, string>> = {
  cash: 'Kontant',
  card: 'Kort',
  swish: 'Swish',
  klarna: 'Klarna',
  gift_card: 'Presentkort inlöst',
  voucher: 'Tillgodokvitto',
  invoice: 'Faktura',
  marketplace: 'Marknadsplats',
};

/** "25 %", "25,5 %": a rate as Swedish text. */
const percent = (vatRateBp: number) => `${String(vatRateBp / 100).replace('.', ',')} %`;

/** "Försäljning 25 %", or "Försäljning OSS FI 25,5 %" for a sale taxed in another EU country. */
const rateText = (what: string, s: RateSales) =>
  s.ossCountry ? `${what} OSS ${s.ossCountry} ${percent(s.vatRateBp)}` : `${what} ${percent(s.vatRateBp)}`;

/** The voucher of one day's figures; it balances whenever payments = sales + rounding + gift cards sold. */
export function buildDayVoucher(
  series: string,
  number: number,
  figures: DayFigures,
  accounts: AccountMap,
): Voucher {
  const transactions: VoucherTransaction[] = [];
  for (const p of figures.payments) {
    transactions.push({ account: accounts[p.key], amount: p.amount, text: PAYMENT_TEXT[p.key] ?? p.key });
  }
  for (const s of figures.salesByRate) {
    const keys = accountKeysForVatRate(s.vatRateBp, s.ossCountry);
    if (!keys) {
      throw new DomainError('invalid_state', `There is no sales account for VAT ${percent(s.vatRateBp)}.`, [
        { field: 'vatRateBp', message: `No account is mapped for VAT ${percent(s.vatRateBp)}` },
      ]);
    }
    // Each country and rate keeps its own rows (their text differs): the OSS return is per both.
    transactions.push({
      account: accountFor(accounts, keys.sales, s.ossCountry),
      amount: -(s.grossAmount - s.vatAmount),
      text: rateText('Försäljning', s),
    });
    if (keys.vat) {
      transactions.push({
        account: accountFor(accounts, keys.vat, s.ossCountry),
        amount: -s.vatAmount,
        text: rateText('Utgående moms', s),
      });
    }
  }
  transactions.push({ account: accounts.rounding, amount: -figures.rounding, text: 'Öresavrundning' });
  transactions.push({
    account: accounts.gift_card,
    amount: -figures.giftCardsSold,
    text: 'Presentkort sålda',
  });
  return {
    series,
    number,
    date: figures.date,
    text: figures.text,
    transactions: mergeTransactions(transactions),
  };
}

/** Adds sales per rate and OSS country (domestic first, then by country; VAT rates highest first). */
export function addRateSales(a: readonly RateSales[], b: readonly RateSales[]): RateSales[] {
  const sum = new Map<string, RateSales>();
  for (const s of [...a, ...b]) {
    const key = `${s.ossCountry ?? ''}\u0000${s.vatRateBp}`;
    const prev = sum.get(key);
    sum.set(key, {
      vatRateBp: s.vatRateBp,
      grossAmount: (prev?.grossAmount ?? 0) + s.grossAmount,
      vatAmount: (prev?.vatAmount ?? 0) + s.vatAmount,
      ...(s.ossCountry ? { ossCountry: s.ossCountry } : {}),
    });
  }
  return [...sum.values()].sort(
    (x, y) => (x.ossCountry ?? '').localeCompare(y.ossCountry ?? '') || y.vatRateBp - x.vatRateBp,
  );
}

/**
 * Splits a web payment's captured (or refunded, negative) amount over the order's VAT rates in
 * proportion to the order's gross per rate, largest remainder first so the parts sum to the amount,
 * and computes the VAT in each part.
 */
export function splitByVatRate(
  amount: number,
  orderGrossByRate: readonly {
    readonly vatRateBp: number;
    readonly grossAmount: number;
    readonly ossCountry?: string | null;
  }[],
): RateSales[] {
  const parts = orderGrossByRate.filter((r) => r.grossAmount > 0);
  const total = parts.reduce((s, r) => s + r.grossAmount, 0);
  if (total === 0 || amount === 0) return [];
  const magnitude = Math.abs(amount);
  const shares = parts.map((r) => {
    const exact = (magnitude * r.grossAmount) / total;
    return {
      vatRateBp: r.vatRateBp,
      ossCountry: r.ossCountry,
      whole: Math.floor(exact),
      rest: exact - Math.floor(exact),
    };
  });
  let left = magnitude - shares.reduce((s, x) => s + x.whole, 0);
  for (const share of [...shares].sort((x, y) => y.rest - x.rest)) {
    if (left === 0) break;
    share.whole += 1;
    left -= 1;
  }
  const sign = amount < 0 ? -1 : 1;
  return addRateSales(
    [],
    shares.map((s) => ({
      vatRateBp: s.vatRateBp,
      grossAmount: sign * s.whole + 0,
      vatAmount: sign * vatOfInclusive(s.whole, s.vatRateBp) + 0,
      ...(s.ossCountry ? { ossCountry: s.ossCountry } : {}),
    })),
  );
}
