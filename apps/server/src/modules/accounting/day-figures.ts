// The store's rows (sums per store and local day) → the core's DayFigures, one per store per day,
// plus one per day for the web shop's captures and refunds, split over each order's VAT rates.
import {
  accountKeyForRegisterPayment,
  accountKeyForWebPayment,
  addRateSales,
  type DayFigures,
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

/** The web shop's captures (positive) and refunds (negative) per day. */
export async function webDayFigures(q: Queryable, companyId: string, from: string, to: string) {
  const rows = await store.listWebCapturesAndRefunds(q, companyId, from, to);
  const grossByOrder = new Map<string, { vatRateBp: number; grossAmount: number }[]>();
  for (const g of await store.listOrderGrossByRate(q, [...new Set(rows.map((r) => r.orderId))])) {
    grossByOrder.set(g.orderId, [...(grossByOrder.get(g.orderId) ?? []), g]);
  }
  const days = new Map<string, Draft>();
  for (const row of rows) {
    let day = days.get(row.day);
    if (!day) {
      day = emptyDay(row.day, `Webbshop ${row.day}`);
      days.set(row.day, day);
    }
    const sales: RateSales[] = splitByVatRate(row.amount, grossByOrder.get(row.orderId) ?? []);
    day.salesByRate = addRateSales(day.salesByRate, sales);
    day.payments.push({ key: accountKeyForWebPayment(row.method), amount: row.amount });
  }
  return [...days.values()] as DayFigures[];
}
