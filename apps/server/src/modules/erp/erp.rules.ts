// The ERP connector's pure rules: which days' sales are due, a day's figures as the ERP's document,
// what an ERP answer means, and whether an answered number agrees with the stored reference.
import type { ErpEntityKind, ErpFlow } from '@handla/api';
import { addLocalDays, type DayFigures, previousBatchAt, toWallClock } from '@handla/core';

/** Daily sales are reasoned about on this wall clock (the company's, Swedish by default). */
export const ERP_TIME_ZONE = 'Europe/Stockholm';
/** Each run looks this many days back, so receipts synced late by an offline register are sent too. */
export const DAILY_SALES_LOOK_BACK_DAYS = 7;

/** The endpoint path and the entity kind of each flow. */
export const FLOW_OF: Record<ErpEntityKind, { flow: ErpFlow; path: string }> = {
  order: { flow: 'orders', path: 'orders' },
  customer: { flow: 'customers', path: 'customers' },
  daily_sales: { flow: 'daily_sales', path: 'daily-sales' },
};

/**
 * The last local day whose sales are due at `now`: the day before the latest `dailySalesAt` that
 * has passed (a day is sent once it is over and the send time has come).
 */
export function dailySalesDueThrough(now: Date, dailySalesAt: string, timeZone = ERP_TIME_ZONE): string {
  const latest = previousBatchAt(now, [dailySalesAt], timeZone)!;
  return addLocalDays(toWallClock(latest, timeZone).date, -1);
}

/**
 * The days to (re)check when the due day moves from `checkedThrough` to `dueThrough`: the new days
 * and the look-back before them; none when nothing new is due.
 */
export function daysToCheck(checkedThrough: string | null, dueThrough: string): string[] {
  if (checkedThrough !== null && checkedThrough >= dueThrough) return [];
  const from = addLocalDays(dueThrough, -(DAILY_SALES_LOOK_BACK_DAYS - 1));
  const days: string[] = [];
  for (let day = from; day <= dueThrough; day = addLocalDays(day, 1)) days.push(day);
  return days;
}

/** One store's (or the web shop's) day as the ERP gets it: sales per VAT rate, payments per method. */
export interface DailySalesDocument {
  date: string;
  channel: 'register' | 'web';
  storeId: string | null;
  storeName: string | null;
  currency: string;
  salesByRate: { vatRateBp: number; grossAmount: number; netAmount: number; vatAmount: number }[];
  payments: { method: string; amount: number }[];
  rounding: number;
  giftCardsSold: number;
  totalSalesInclVat: number;
  totalPayments: number;
}

/** The ERP's document of a day's figures (the SIE export's own figures), in öre. */
export function dailySalesDocument(
  figures: DayFigures,
  where: { channel: 'register' | 'web'; storeId: string | null; storeName: string | null; currency: string },
): DailySalesDocument {
  const salesByRate = [...figures.salesByRate]
    .sort((a, b) => b.vatRateBp - a.vatRateBp)
    .map((s) => ({ ...s, netAmount: s.grossAmount - s.vatAmount }));
  const byMethod = new Map<string, number>();
  for (const p of figures.payments) byMethod.set(p.key, (byMethod.get(p.key) ?? 0) + p.amount);
  const payments = [...byMethod.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([method, amount]) => ({ method, amount }));
  return {
    date: figures.date,
    ...where,
    salesByRate,
    payments,
    rounding: figures.rounding,
    giftCardsSold: figures.giftCardsSold,
    totalSalesInclVat: salesByRate.reduce((sum, s) => sum + s.grossAmount, 0),
    totalPayments: payments.reduce((sum, p) => sum + p.amount, 0),
  };
}

/** The entity id of a day's sales: the store's, or the web shop's. */
export function dailySalesEntityId(storeId: string | null, date: string): string {
  return `${storeId ?? 'web'}:${date}`;
}

/** The ERP's number from its answer `{ "number": "…" }`, or null when the answer has none. */
export function erpNumberOf(responseBody: string | null): string | null {
  if (!responseBody) return null;
  try {
    const parsed: unknown = JSON.parse(responseBody);
    const number = (parsed as { number?: unknown } | null)?.number;
    if (typeof number === 'number' && Number.isFinite(number)) return String(number);
    if (typeof number !== 'string') return null;
    const trimmed = number.trim();
    return trimmed.length > 0 && trimmed.length <= 100 ? trimmed : null;
  } catch {
    return null;
  }
}

/** What an answered number means next to the stored reference: first, the same again, or a conflict. */
export function compareReference(stored: string | null, answered: string): 'new' | 'same' | 'conflict' {
  if (stored === null) return 'new';
  return stored === answered ? 'same' : 'conflict';
}

/** An outbox event as far as the ERP cares. */
export interface EventLike {
  type: string;
  aggregateType: string;
  aggregateId: string;
  data: Record<string, unknown>;
}

/**
 * The orders and customers `events` touch, each once, in first-seen order: order events, payment
 * events (their order: placed, paid, refunded), and customer events (a merge touches both sides).
 */
export function entitiesOf(events: readonly EventLike[]): { orderIds: string[]; customerIds: string[] } {
  const orders = new Set<string>();
  const customers = new Set<string>();
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null);
  for (const event of events) {
    if (event.aggregateType === 'order' && event.type.startsWith('order.')) orders.add(event.aggregateId);
    else if (event.type.startsWith('payment.')) {
      const orderId = text(event.data.orderId);
      if (orderId) orders.add(orderId);
    } else if (event.aggregateType === 'customer' && event.type.startsWith('customer.')) {
      customers.add(event.aggregateId);
      const mergedId = text(event.data.mergedId);
      if (mergedId) customers.add(mergedId);
    }
  }
  return { orderIds: [...orders], customerIds: [...customers] };
}
