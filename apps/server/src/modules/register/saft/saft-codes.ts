// Our register's vocabulary mapped onto the SAF-T Cash Register code lists (../shared/standards/
// saf-t-cash-register/code-lists). Each code we use is declared once as a <basic> of the file, with
// the predefined code it stands for; events and line types must refer to declared basics (XSD keyrefs).
import type { RegisterPaymentMethod } from '@handla/core';

/** A <basic>: our id, its code list (BasicType) and the predefined code it maps to. */
export interface SaftBasic {
  readonly basicType: string;
  readonly basicID: string;
  readonly predefinedBasicID?: string;
  readonly basicDesc: string;
}

const basic = (
  basicType: string,
  basicID: string,
  predefinedBasicID: string | undefined,
  basicDesc: string,
) => ({ basicType, basicID, ...(predefinedBasicID ? { predefinedBasicID } : {}), basicDesc }) as SaftBasic;

/** The one article group: everything we sell is goods (04003 Sale of goods). */
export const ARTICLE_GROUP = 'GOODS';

/** Transaction types (PredefinedBasicID-11). */
export const TRANSACTION_TYPES = {
  CASHSAL: basic('11', 'CASHSAL', '11001', 'Cash sale'),
  CREDITSAL: basic('11', 'CREDITSAL', '11002', 'Credit sale (invoice)'),
  RETURNSAL: basic('11', 'RETURNSAL', '11006', 'Return payment'),
  CASHSALRET: basic('11', 'CASHSALRET', '11016', 'Cash sale and return'),
} as const;
export type TransactionType = keyof typeof TRANSACTION_TYPES;

/**
 * Payment types (PredefinedBasicID-12). Our card methods do not tell debit from credit cards; they
 * map to 12002 Debit card, the usual card at a Swedish till.
 */
export const PAYMENT_TYPES: Record<RegisterPaymentMethod, SaftBasic> = {
  cash: basic('12', 'CASH', '12001', 'Cash'),
  card_standalone: basic('12', 'CARD', '12002', 'Card (standalone terminal)'),
  card_terminal: basic('12', 'CARDINT', '12002', 'Card (integrated terminal)'),
  swish: basic('12', 'SWISH', '12011', 'Swish (mobile payment)'),
  gift_card: basic('12', 'GIFTCARD', '12005', 'Gift card'),
  voucher: basic('12', 'VOUCHER', '12010', 'Credit note / voucher'),
  invoice: basic('12', 'INVOICE', '12006', 'Invoice (customer account)'),
};

/** Event types (PredefinedBasicID-13). */
export const EVENT_TYPES = {
  SALREC: basic('13', 'SALREC', '13012', 'Sales receipt'),
  RETREC: basic('13', 'RETREC', '13013', 'Return receipt'),
  TRAINREC: basic('13', 'TRAINREC', '13017', 'Training receipt'),
  COPYREC: basic('13', 'COPYREC', '13014', 'Copy receipt'),
  PROFORMA: basic('13', 'PROFORMA', '13015', 'Pro forma (provisional) receipt'),
  DRAWOPEN: basic('13', 'DRAWOPEN', '13005', 'Cash drawer opened with a sale'),
  DRAWOPENMAN: basic('13', 'DRAWOPENMAN', '13005', 'Cash drawer opened without a sale'),
  CASHMOVE: basic('13', 'CASHMOVE', '13019', 'Cash in or out of the drawer'),
  XREP: basic('13', 'XREP', '13008', 'X report'),
  ZREP: basic('13', 'ZREP', '13009', 'Z report'),
  CUFAIL: basic('13', 'CUFAIL', '13999', 'Control unit did not answer; no receipt issued'),
} as const;
export type EventType = keyof typeof EVENT_TYPES;

/** Every basic the file declares: line types (05), discounts (08), article group (04) and the lists above. */
export const ALL_BASICS: readonly SaftBasic[] = [
  basic('04', ARTICLE_GROUP, '04003', 'Sale of goods'),
  basic('05', 'SAL', undefined, 'Sale line'),
  basic('05', 'RET', undefined, 'Return line'),
  basic('08', 'DISCOUNT', undefined, 'Manual discount (line or receipt)'),
  basic('08', 'PROMOTION', undefined, 'Promotion rule (campaign, coupon)'),
  ...Object.values(TRANSACTION_TYPES),
  // Two methods share 12002; both are declared under their own ids.
  ...Object.values(PAYMENT_TYPES),
  ...Object.values(EVENT_TYPES),
];

/**
 * Swedish VAT rates onto the Norwegian standard output-VAT codes (Standard_Tax_Codes.csv) by tier,
 * since the rates themselves differ: 25 % regular → 3 (regular rate), 12 % → 31 (reduced, middle),
 * 6 % → 33 (reduced, low), 0 % → 5 (zero rate). Any other rate goes to the tier nearest by value.
 */
/**
 * Gift cards sold or topped up are outside the scope of VAT (a multi-purpose voucher: VAT is due when
 * it is spent): our own code "UTANFOR", mapped to the standard code 6 ("outside the VAT legislation").
 */
export const OUTSIDE_VAT_CODE = 'UTANFOR';
export const OUTSIDE_VAT_STANDARD_CODE = '6';

export function standardVatCodeFor(rateBp: number): string {
  if (rateBp === 0) return '5';
  const tiers: [number, string][] = [
    [2500, '3'],
    [1200, '31'],
    [600, '33'],
  ];
  let best = tiers[0]!;
  for (const tier of tiers) if (Math.abs(tier[0] - rateBp) < Math.abs(best[0] - rateBp)) best = tier;
  return best[1];
}

/** Our own VAT code in the file: the rate in percent, e.g. "25" or "12.5". */
export const vatCodeFor = (rateBp: number): string => String(rateBp / 100);
