// X and Z reports: what a day at the register adds up to.
import type { CashMovementKind, ReceiptVatRate, RegisterPaymentMethod } from './types';

/** A count and an amount. */
export interface CountedAmount {
  readonly count: number;
  readonly amount: number;
}

/** The totals that never reset, carried from one Z report to the next. */
export interface GrandTotals {
  readonly sales: number;
  readonly returns: number;
  readonly net: number;
}

/** An X report (any time, changes nothing) or a Z report (closes the day). */
export interface DayReport {
  readonly kind: 'x' | 'z';
  readonly registerId: string;
  readonly currency: string;
  /** The journal sequences covered: after the last Z up to and including `toSequence`. */
  readonly fromSequence: number;
  readonly toSequence: number;
  readonly createdAt: string;
  readonly sales: CountedAmount;
  readonly returns: CountedAmount;
  /** sales + returns (returns are negative). */
  readonly net: number;
  /**
   * Gift cards sold or topped up: money held for customers, kept out of sales, VAT and grand
   * totals (absent on reports journaled before gift cards were sold at the register).
   */
  readonly giftCardsSold?: CountedAmount;
  readonly vatByRate: readonly ReceiptVatRate[];
  readonly payments: readonly ({ readonly method: RegisterPaymentMethod } & CountedAmount)[];
  readonly discounts: CountedAmount;
  readonly rounding: number;
  readonly change: number;
  /** Sales and returns issued (training receipts not included). */
  readonly receiptCount: number;
  readonly copies: CountedAmount;
  readonly training: CountedAmount;
  readonly proForma: CountedAmount;
  readonly drawerOpenings: { readonly withSale: number; readonly withoutSale: number };
  readonly cashMovements: readonly ({
    readonly movement: CashMovementKind;
    readonly currency: string;
  } & CountedAmount)[];
  /** Expected cash in the drawer in the receipt currency: float + cash in − cash out. */
  readonly expectedCash: number;
  readonly grandTotals: GrandTotals;
}
