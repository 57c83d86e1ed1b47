// CONTRACT READY
// The register's domain language, shared by the register server, the offline register (browser)
// and the pure functions beside this file. Amounts are integer minor units (öre) of `currency`;
// instants are ISO 8601 UTC strings passed in by the caller (the core has no clock).
import type { ControlUnitResponse } from './control-unit-types';
import type { DayReport } from './report-types';

export * from './control-unit-types';
export * from './document-types';
export * from './report-types';

/** A staff role as the register sees it (same values as the API's `Role`). */
export type RegisterRole = 'owner' | 'manager' | 'cashier';

/** The means of payment a register takes. */
export const REGISTER_PAYMENT_METHODS = [
  'cash',
  'card_standalone',
  'card_terminal',
  'swish',
  'gift_card',
  'voucher',
  'invoice',
] as const;
export type RegisterPaymentMethod = (typeof REGISTER_PAYMENT_METHODS)[number];

/**
 * A manual discount. `value` is minor units for `amount` and basis points for `percent`
 * (10 % = 1000), like VAT rates. A reason is required (it is printed and journaled).
 */
export interface DiscountInput {
  readonly kind: 'amount' | 'percent';
  readonly value: number;
  readonly reason: string;
}

/** One line as the cashier built it; `quantity` is negative on a return line. */
export interface SaleLineDraft {
  readonly skuId: string;
  readonly skuCode: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitPriceInclVat: number;
  readonly vatRateBp: number;
  readonly discount?: DiscountInput;
  readonly warrantyText?: string;
  /** On a return line: the receipt and line number the goods were bought on. */
  readonly originalReceiptId?: string;
  readonly originalLineNo?: number;
  /** On a web order paid in store: the order line handed over. */
  readonly orderLineId?: string;
  /**
   * A gift card sold or topped up (a multi-purpose voucher): money held for the customer, not a
   * sale of goods — no SKU, no stock, no VAT (`vatRateBp` 0), no discount, quantity 1.
   */
  readonly giftCard?: GiftCardLine;
  /**
   * What the promotion engine (`priceBasket`) took off this line, by rule: facts printed by name and
   * booked as they are; a manual `discount` applies to what is left after them.
   */
  readonly promotionDiscounts?: PromotionLineDiscount[];
}

/** One promotion rule's discount on one receipt line (öre incl. VAT, > 0). */
export interface PromotionLineDiscount {
  readonly ruleId: string;
  readonly name: string;
  readonly amount: number;
}

/** What a gift card line does to the card named by `code`. */
export interface GiftCardLine {
  readonly code: string;
  readonly action: 'issue' | 'top_up';
}

/**
 * One payment. Negative on a refund. For cash, `amount` may exceed what is left to pay (the rest
 * is change); `tendered`, when given, is the cash handed over and `amount` the part applied.
 */
export interface PaymentInput {
  readonly method: RegisterPaymentMethod;
  readonly amount: number;
  readonly tendered?: number;
  /** Card slip number, Swish id, gift card or voucher code, invoice customer… */
  readonly reference?: string;
}

/** A receipt before it is computed: what the register sends and the server recomputes. */
export interface SaleDraft {
  readonly currency: string;
  readonly lines: readonly SaleLineDraft[];
  readonly receiptDiscount?: DiscountInput;
  readonly customerId?: string;
  /** A pickup order paid in store (its lines carry `orderLineId`). */
  readonly webOrderId?: string;
  /** When the register's cached prices were resolved: lines priced by them stay valid offline. */
  readonly pricesAsOf?: string;
  /** Coupon codes whose rules gave the lines' promotion discounts: redeemed when the sale is booked. */
  readonly couponCodes?: string[];
  /** Training mode: printed "ÖVNING" and kept out of sales figures. */
  readonly isTraining: boolean;
  readonly payments: readonly PaymentInput[];
}

/** The most a role may give off one discount: as a share of the line (or receipt) and in money. */
export interface DiscountLimit {
  readonly maxPercentBp: number;
  readonly maxAmount: number;
}

/** The rules `computeReceipt` enforces for the cashier at the register. */
export interface ReceiptPolicy {
  readonly role: RegisterRole;
  readonly discountLimits: Readonly<Record<RegisterRole, DiscountLimit>>;
}

/** What a receipt is, as printed and as told to the control unit. */
export type ReceiptKind = 'normal' | 'copy' | 'training' | 'pro_forma' | 'return';

/** A line with its discounts applied; every amount includes VAT. */
export interface ComputedReceiptLine {
  readonly lineNo: number;
  readonly skuId: string;
  readonly skuCode: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitPriceInclVat: number;
  readonly vatRateBp: number;
  /** quantity × unit price, before discounts. */
  readonly grossAmount: number;
  /** The promotion discounts by rule and their sum (present only when the line has any). */
  readonly promotionDiscounts?: readonly PromotionLineDiscount[];
  readonly promotionDiscountAmount?: number;
  /** The manual discount, on what is left after promotions. */
  readonly lineDiscountAmount: number;
  readonly lineDiscount?: DiscountInput;
  /** This line's share of the receipt discount. */
  readonly receiptDiscountAmount: number;
  /** What the line costs after both discounts. */
  readonly amountInclVat: number;
  readonly warrantyText?: string;
  readonly originalReceiptId?: string;
  readonly originalLineNo?: number;
  /** A gift card sold or topped up (see `SaleLineDraft.giftCard`); outside VAT and sales. */
  readonly giftCard?: GiftCardLine;
}

/** VAT of one rate on the receipt. */
export interface ReceiptVatRate {
  readonly vatRateBp: number;
  readonly grossAmount: number;
  readonly netAmount: number;
  readonly vatAmount: number;
}

/** A payment as applied to the receipt. */
export interface ComputedPayment {
  readonly method: RegisterPaymentMethod;
  /** The part of the total this payment settles (cash: after change). */
  readonly amount: number;
  /** Cash only: what the customer handed over. */
  readonly tendered?: number;
  readonly reference?: string;
}

/** A receipt computed to the öre: the one shape both the register and the server store. */
export interface ComputedReceipt {
  readonly kind: 'normal' | 'training' | 'return';
  readonly currency: string;
  readonly isTraining: boolean;
  readonly customerId?: string;
  readonly lines: readonly ComputedReceiptLine[];
  readonly receiptDiscount?: DiscountInput & { readonly amount: number };
  /** Sum of line gross amounts, before discounts. */
  readonly grossTotal: number;
  /** All discounts: promotions, line and receipt. */
  readonly discountTotal: number;
  /** Sum of lines after discounts: what the VAT is on. */
  readonly total: number;
  /** Cash rounding as its own amount (rounded − exact); 0 unless cash is used. */
  readonly roundingAmount: number;
  /** total + rounding: what the customer pays (negative: is paid back). */
  readonly totalToPay: number;
  /** The sum of negative lines (≤ 0), which the control unit is told. */
  readonly negativeLinesTotal: number;
  readonly vat: {
    readonly byRate: readonly ReceiptVatRate[];
    readonly totalVat: number;
    readonly totalNet: number;
  };
  readonly payments: readonly ComputedPayment[];
  /** Cash handed back to the customer. */
  readonly changeAmount: number;
}

/** What the register asks the server (or applies offline) to do; each has a client-made id. */
export type RegisterCommand = RegisterCommandBase & RegisterCommandBody;

export interface RegisterCommandBase {
  /** Client-made id: a repeat returns the first result and changes nothing. */
  readonly commandId: string;
  readonly registerId: string;
  /** The device's own gapless command counter. */
  readonly deviceSequence: number;
  readonly cashierId: string;
  readonly at: string;
  /** The journal entry the device appended for this command (offline the device chains itself). */
  readonly journalEntry?: JournalEntry;
}

export type CashMovementKind = 'float' | 'income' | 'expense' | 'deposit';

export type RegisterCommandBody =
  | {
      readonly kind: 'sale.complete';
      readonly receiptId: string;
      readonly receiptNumber: number;
      readonly draft: SaleDraft;
      readonly controlUnit: ControlUnitResponse;
    }
  | {
      readonly kind: 'return.complete';
      readonly receiptId: string;
      readonly receiptNumber: number;
      /** Null for a return without a receipt (needs a manager). */
      readonly originalReceiptId: string | null;
      readonly draft: SaleDraft;
      readonly controlUnit: ControlUnitResponse;
    }
  | {
      readonly kind: 'receipt.copy';
      readonly copyId: string;
      readonly originalReceiptId: string;
      readonly controlUnit: ControlUnitResponse;
    }
  | {
      readonly kind: 'receipt.pro_forma';
      readonly proFormaId: string;
      readonly draft: SaleDraft;
      readonly controlUnit: ControlUnitResponse;
    }
  | { readonly kind: 'drawer.open'; readonly reason: string }
  | {
      readonly kind: 'cash.movement';
      readonly movement: CashMovementKind;
      /** Positive; the movement says which way the money goes. */
      readonly amount: number;
      readonly currency: string;
      readonly note?: string;
    }
  | { readonly kind: 'report.x'; readonly reportId: string; readonly cashCount?: readonly CashCount[] }
  | { readonly kind: 'report.z'; readonly reportId: string; readonly cashCount?: readonly CashCount[] };

/** Cash counted in the drawer in one currency (minor units), e.g. at closing. */
export interface CashCount {
  readonly currency: string;
  readonly counted: number;
}

export type RegisterCommandKind = RegisterCommandBody['kind'];

/** What a journal entry records. */
export const JOURNAL_ENTRY_KINDS = [
  'receipt',
  'copy',
  'pro_forma',
  'drawer_open',
  'cash_movement',
  'report_x',
  'report_z',
  'control_unit_failure',
] as const;
export type JournalEntryKind = (typeof JOURNAL_ENTRY_KINDS)[number];

/** An entry before it is numbered, chained and signed. */
export interface JournalEntryInput {
  readonly registerId: string;
  readonly kind: JournalEntryKind;
  readonly at: string;
  /** JSON-safe data; see the payload types below for the kinds reports read. */
  readonly payload: unknown;
}

/**
 * One entry of a register's append-only journal. `sequence` is gapless from 1; `previousHash` is
 * '' on the first entry; `hash` is SHA-256 (hex) of previousHash + canonical JSON of the entry;
 * `signature` is the device's ECDSA P-256 signature of the hash (base64url).
 */
export interface JournalEntry extends JournalEntryInput {
  readonly sequence: number;
  readonly previousHash: string;
  readonly hash: string;
  readonly signature: string;
}

/** Payload of a `receipt` entry (a sale, a return or a training receipt). */
export interface ReceiptJournalPayload {
  readonly receiptId: string;
  readonly receiptNumber: number;
  readonly cashierId: string;
  readonly originalReceiptId?: string | null;
  readonly receipt: ComputedReceipt;
  readonly controlUnit: ControlUnitResponse;
}

/** Payload of a `copy` or `pro_forma` entry. */
export interface PrintJournalPayload {
  readonly documentId: string;
  readonly receiptId?: string;
  readonly receiptNumber?: number;
  readonly cashierId: string;
  readonly totalToPay: number;
  readonly currency: string;
  readonly controlUnit: ControlUnitResponse;
  /** On a pro-forma print: the priced cart it showed, so it can be printed from the journal. */
  readonly receipt?: ComputedReceipt;
}

/** Payload of a `drawer_open` entry (opened without a sale). */
export interface DrawerOpenJournalPayload {
  readonly cashierId: string;
  readonly reason: string;
}

/** Payload of a `cash_movement` entry. */
export interface CashMovementJournalPayload {
  readonly cashierId: string;
  readonly movement: CashMovementKind;
  readonly amount: number;
  readonly currency: string;
  readonly note?: string;
}

/**
 * Payload of a `report_x` / `report_z` entry: the device's `DayReport` (a Z report's grand totals
 * carry on from it) plus the report's id, who made it and the cash counted, if any.
 */
export interface ReportJournalPayload extends DayReport {
  readonly reportId: string;
  readonly cashierId: string;
  readonly cashCount?: readonly CashCount[];
}

/** Payload of a `control_unit_failure` entry: the receipt that could not be issued. */
export interface ControlUnitFailureJournalPayload {
  readonly cashierId: string;
  readonly receiptNumber: number;
  readonly reason: string;
}
