// The store's rows (sums per store and local day) → the core's DayFigures, one per store per day,
// plus one per day for the web shop's captures and refunds, split over each order's VAT rates.
import {
  accountKeyForRegisterPayment,
  accountKeyForWebPayment,
  addRateSales,
  type DayFigures,
  DomainError,
  isOssSale,
  type RateSales,
  REGISTER_PAYMENT_METHODS,
  type RegisterPaymentMethod,
  splitByVatRate,
} from '@handla/core';
import type { Queryable } from '@handla/db';
import * as store from './accounting.store';

type Draft = { -readonly [K in keyof DayFigures]: DayFigures[K] } & {
  payments: DayFigures['payments'][number][];
};

const emptyDay = (date: string, text: string): Draft => ({
  date,
  text,
  salesByRate: [],
  payments: [],
  rounding: 0,
  giftCardsSold: 0,
});

/** Register figures per store and day, in date then store-name order. */
export async function registerDayFigures(q: Queryable, companyId: string, from: string, to: string) {
  const days = new Map<string, Draft & { storeId: string; storeName: string }>();
  const dayOf = (row: store.RegisterDayRow) => {
    const key = `${row.day}\u0000${row.storeName}\u0000${row.storeId}`;
    let day = days.get(key);
    if (!day) {
      day = {
        ...emptyDay(row.day, `Kassa ${row.storeName} ${row.day}`),
        storeId: row.storeId,
        storeName: row.storeName,
      };
      days.set(key, day);
    }
    return day;
  };
  for (const row of await store.sumRegisterVat(q, companyId, from, to)) {
    const day = dayOf(row);
    day.salesByRate = addRateSales(day.salesByRate, [row]);
  }
  for (const row of await store.sumRegisterPayments(q, companyId, from, to)) {
    if (!REGISTER_PAYMENT_METHODS.includes(row.method as RegisterPaymentMethod)) {
      throw new Error(`Unknown register payment method ${row.method}`);
    }
    dayOf(row).payments.push({
      key: accountKeyForRegisterPayment(row.method as RegisterPaymentMethod),
      amount: row.amount,
    });
  }
  for (const row of await store.sumRegisterRoundingAndGiftCards(q, companyId, from, to)) {
    const day = dayOf(row);
    day.rounding += row.rounding;
    day.giftCardsSold += row.giftCardsSold;
  }
  // The store travels along (the ERP's daily sales are per store); vouchers ignore it.
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, d]) => d as DayFigures & { storeId: string; storeName: string });
}

/** A web shop day in one currency: the voucher is converted to kronor when it is not SEK. */
export type WebDayFigures = DayFigures & { currency: string };

/**
 * The web shop's captures (positive) and refunds (negative) per day and currency, split over each
 * order's VAT rates; an OSS order's rates carry its destination country.
 */
export async function webDayFiguresByCurrency(
  q: Queryable,
  companyId: string,
  from: string,
  to: string,
): Promise<WebDayFigures[]> {
  const rows = await store.listWebCapturesAndRefunds(q, companyId, from, to);
  const grossByOrder = new Map<string, RateSales[]>();
  for (const g of await store.listOrderGrossByRate(q, [...new Set(rows.map((r) => r.orderId))])) {
    const isOss =
      g.ossCandidate !== null &&
      isOssSale({
        sellerCountry: g.sellerCountry,
        destinationCountry: g.ossCandidate,
        isOssRegistered: true,
      });
    const part = {
      vatRateBp: g.vatRateBp,
      grossAmount: g.grossAmount,
      vatAmount: 0,
      ...(isOss ? { ossCountry: g.ossCandidate } : {}),
    };
    grossByOrder.set(g.orderId, [...(grossByOrder.get(g.orderId) ?? []), part]);
  }
  const days = new Map<string, Draft & { currency: string }>();
  for (const row of rows) {
    const key = accountKeyForWebPayment(row.method);
    if (!key) {
      throw new DomainError('invalid_state', `The books have no account for web payments by ${row.method}.`, [
        { field: 'paymentMethod', message: `No account for ${row.method} (order ${row.orderId})` },
      ]);
    }
    const dayKey = `${row.day}\u0000${row.currency}`;
    let day = days.get(dayKey);
    if (!day) {
      day = { ...emptyDay(row.day, `Webbshop ${row.day}`), currency: row.currency };
      days.set(dayKey, day);
    }
    const sales: RateSales[] = splitByVatRate(row.amount, grossByOrder.get(row.orderId) ?? []);
    day.salesByRate = addRateSales(day.salesByRate, sales);
    day.payments.push({ key, amount: row.amount });
  }
  return [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, d]) => d as WebDayFigures);
}

/**
 * The web shop's days as the ERP's daily sales read them: one per day, every currency's minor
 * units added as before (the ERP flow is not currency-aware yet; the SIE export is).
 */
export async function webDayFigures(q: Queryable, companyId: string, from: string, to: string) {
  const days = new Map<string, Draft>();
  for (const d of await webDayFiguresByCurrency(q, companyId, from, to)) {
    const day = days.get(d.date) ?? emptyDay(d.date, d.text);
    day.salesByRate = addRateSales(day.salesByRate, d.salesByRate);
    day.payments.push(...d.payments);
    days.set(d.date, day);
  }
  return [...days.values()] as DayFigures[];
}
