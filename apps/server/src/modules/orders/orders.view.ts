// An order as the shopper and staff see it: the row, its lines, its payment and its store, put
// together in the contract's shape.
import type { Order, OrderLine } from '@handla/api';
import { orderTotals } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { PaymentRecord } from '../payments/payments.port';
import { findPayment } from '../payments/payments.service';
import { listStoreRows } from '../stores/stores.store';
import {
  listOrderCouponCodes,
  listOrderLineDiscounts,
  type OrderLineDiscountRow,
} from './order-discounts.store';
import { amountToPayOf, onlinePaymentsOf } from './order-payments';
import {
  findShippingMethod,
  listOrderLines,
  listShelves,
  type OrderLineRow,
  type OrderRow,
} from './orders.store';

/** The order-status page: the shop uses hash routing. */
export function statusUrlOf(publicUrl: string, statusToken: string): string {
  return `${publicUrl}/#/order/${statusToken}`;
}

function toLine(
  row: OrderLineRow,
  locale: 'sv' | 'en',
  currency: string,
  substitutedBy: string | undefined,
  shelf: string | undefined,
  discounts: readonly OrderLineDiscountRow[],
): OrderLine {
  return {
    id: row.id,
    skuId: row.skuId,
    sku: row.sku,
    productName: locale === 'en' ? row.productNameEn : row.productNameSv,
    variantName: row.variantName,
    quantity: row.quantity,
    unitPrice: { amount: row.unitPriceInclVat, currency },
    lineTotal: { amount: row.lineTotalInclVat, currency },
    vatRateBp: row.vatRateBp,
    discounts: discounts.map((d) => ({
      ruleId: d.promotionId,
      name: d.promotionName,
      amount: { amount: d.amount, currency },
    })),
    state: row.state,
    pickedQuantity: row.pickedQuantity,
    returnedQuantity: row.returnedQuantity,
    substitutesLineId: row.substitutesLineId,
    substitutedBy: substitutedBy ?? null,
    shipFromLocationId: row.shipFromLocationId,
    shelf: shelf ?? null,
    note: row.note,
  };
}

/** Lines still to be handed over at the counter: what the capture at hand-over covers. */
export function isCollectable(line: Pick<OrderLineRow, 'state'>): boolean {
  return line.state === 'open' || line.state === 'picked';
}

function toPayment(order: OrderRow, payment: PaymentRecord | null): Order['payment'] {
  const currency = order.currency;
  const m = (amount: number) => ({ amount, currency });
  if (!payment) {
    return {
      id: order.paymentId ?? '',
      method: order.paymentMethod,
      status: 'pending',
      authorized: m(0),
      captured: m(0),
      refunded: m(0),
      action: null,
    };
  }
  return {
    id: payment.id,
    method: payment.method,
    status: payment.status,
    authorized: m(payment.authorized),
    captured: m(payment.captured),
    refunded: m(payment.refunded),
    action: payment.action,
  };
}

/** A pay-in-store order's payment row (the online list leaves it out). */
async function inStorePaymentOf(q: Queryable, row: OrderRow): Promise<PaymentRecord | null> {
  return row.paymentId && row.paymentMethod === 'in_store' ? findPayment(q, row.paymentId) : null;
}

/** The orders in the contract's shape, in the order given. */
export async function viewOrders(
  q: Queryable,
  rows: readonly OrderRow[],
  known: { payment?: PaymentRecord } = {},
): Promise<Order[]> {
  if (rows.length === 0) return [];
  const lines = await listOrderLines(
    q,
    rows.map((r) => r.id),
  );
  const stores = new Map((await listStoreRows(q)).map((s) => [s.id, s]));
  const shelves = await listShelves(
    q,
    lines.map((l) => l.skuId),
  );
  const orderIds = rows.map((r) => r.id);
  const discounts = await listOrderLineDiscounts(q, orderIds);
  const coupons = await listOrderCouponCodes(q, orderIds);
  const discountsOf = (lineId: string) => discounts.filter((d) => d.orderLineId === lineId);
  const methods = new Map<string, Awaited<ReturnType<typeof findShippingMethod>>>();
  const views: Order[] = [];
  for (const row of rows) {
    const payments = row.paymentId ? await onlinePaymentsOf(q, row) : [];
    const payment =
      known.payment && known.payment.id === row.paymentId
        ? known.payment
        : (payments.find((p) => p.id === row.paymentId) ?? (await inStorePaymentOf(q, row)));
    const own = lines.filter((l) => l.orderId === row.id);
    const amountDue =
      own.filter(isCollectable).reduce((sum, l) => sum + l.lineTotalInclVat, 0) +
      (row.shippingMethodId ? row.shippingPriceInclVat : 0);
    const totals = orderTotals(
      own.map((l) => ({
        quantity: l.quantity,
        unitPriceInclVat: { amount: l.unitPriceInclVat, currency: row.currency },
        vatRateBp: l.vatRateBp,
        discountAmount: discountsOf(l.id).reduce((sum, d) => sum + d.amount, 0),
      })),
      row.shippingMethodId
        ? {
            priceInclVat: { amount: row.shippingPriceInclVat, currency: row.currency },
            vatRateBp: row.shippingVatRateBp,
          }
        : null,
      row.currency,
    );
    views.push({
      id: row.id,
      number: String(row.number),
      status: row.status,
      channel: row.channel,
      locale: row.locale,
      customer: { name: row.customerName, email: row.customerEmail, phone: row.customerPhone },
      customerId: row.customerId,
      couponCode: coupons.get(row.id) ?? null,
      fulfilment: await fulfilmentOf(q, row, stores, methods),
      lines: own.map((l) =>
        toLine(
          l,
          row.locale,
          row.currency,
          own.find((o) => o.substitutesLineId === l.id)?.id,
          shelves.get(`${l.skuId}|${l.shipFromLocationId ?? row.locationId}`),
          discountsOf(l.id),
        ),
      ),
      totals: {
        lines: totals.linesTotal,
        discount: {
          amount: discounts.filter((d) => d.orderId === row.id).reduce((sum, d) => sum + d.amount, 0),
          currency: row.currency,
        },
        shipping: totals.shipping,
        total: totals.total,
        vat: totals.vat,
      },
      payment: toPayment(row, payment),
      pickupCode: row.fulfilment === 'pickup' ? row.pickupCode : null,
      statusUrl: row.statusUrl,
      createdAt: row.createdAt.toISOString(),
      placedAt: row.placedAt?.toISOString() ?? null,
      acceptedAt: row.acceptedAt?.toISOString() ?? null,
      readyAt: row.readyAt?.toISOString() ?? null,
      collectedAt: row.collectedAt?.toISOString() ?? null,
      cancelledAt: row.cancelledAt?.toISOString() ?? null,
      cancelReason: row.cancelReason,
      lockedBy:
        row.lockedByKind && row.lockedById
          ? { kind: row.lockedByKind, id: row.lockedById, name: row.lockedByName ?? row.lockedById }
          : null,
      amountDue: { amount: amountDue, currency: row.currency },
      amountToPay: { amount: amountToPayOf(row, amountDue, payments), currency: row.currency },
      receiptId: row.receiptId,
    });
  }
  return views;
}

async function fulfilmentOf(
  q: Queryable,
  row: OrderRow,
  stores: Map<string, Awaited<ReturnType<typeof listStoreRows>>[number]>,
  methods: Map<string, Awaited<ReturnType<typeof findShippingMethod>>>,
): Promise<Order['fulfilment']> {
  if (row.fulfilment === 'pickup') {
    const store = stores.get(row.storeId!)!;
    return {
      kind: 'pickup',
      store: {
        id: store.id,
        name: store.name,
        street: store.street,
        postalCode: store.postalCode,
        city: store.city,
        phone: store.phone,
      },
      slotStartsAt: row.slotStartsAt!.toISOString(),
      slotEndsAt: row.slotEndsAt!.toISOString(),
      asap: row.slotAsap,
      timeZone: store.timeZone,
    };
  }
  const id = row.shippingMethodId!;
  // Read once per view call: a release views a hundred orders with the same few methods.
  if (!methods.has(id)) methods.set(id, await findShippingMethod(q, id));
  const method = methods.get(id)!;
  return {
    kind: 'delivery',
    address: row.deliveryAddress!,
    shippingMethod: {
      id: method.id,
      name: method.name,
      price: { amount: row.shippingPriceInclVat, currency: row.currency },
    },
  };
}

/** One order in the contract's shape. */
export async function viewOrder(
  q: Queryable,
  row: OrderRow,
  known: { payment?: PaymentRecord } = {},
): Promise<Order> {
  return (await viewOrders(q, [row], known))[0]!;
}
