// Test data: a made-up pickup order at the Stockholm store and the outbox event announcing it.
import type { DomainEventDto, Order, OrderLine } from '@handla/api';

const sek = (amount: number) => ({ amount, currency: 'SEK' });

export function fixtureLine(overrides: Partial<OrderLine> = {}): OrderLine {
  return {
    id: 'orl_1',
    skuId: 'sku_tee',
    sku: 'TEE-BLK-M',
    productName: 'T-shirt',
    variantName: 'Svart, M',
    quantity: 2,
    unitPrice: sek(19_900),
    lineTotal: sek(39_800),
    vatRateBp: 2500,
    state: 'open',
    pickedQuantity: 0,
    returnedQuantity: 0,
    substitutesLineId: null,
    substitutedBy: null,
    shipFromLocationId: null,
    shelf: 'A3',
    note: null,
    ...overrides,
  };
}

/** Order `number` with a slot starting at `slotStartsAt` (15 minutes long). */
export function fixtureOrder(
  number: string,
  overrides: Partial<Order> = {},
  slotStartsAt = '2026-12-03T13:00:00.000Z',
): Order {
  return {
    id: `ord_${number}`,
    number,
    status: 'placed',
    channel: 'web',
    locale: 'sv',
    customer: { name: 'Anna Andersson', email: 'anna@example.se', phone: null },
    fulfilment: {
      kind: 'pickup',
      store: {
        id: 'sto_sthlm',
        name: 'Demo Butik Stockholm',
        street: 'Drottninggatan 1',
        postalCode: '111 51',
        city: 'Stockholm',
        phone: null,
      },
      slotStartsAt,
      slotEndsAt: new Date(Date.parse(slotStartsAt) + 15 * 60_000).toISOString(),
      asap: false,
      timeZone: 'Europe/Stockholm',
    },
    lines: [fixtureLine()],
    totals: { lines: sek(39_800), shipping: sek(0), total: sek(39_800), vat: [] },
    payment: {
      id: `pay_${number}`,
      method: 'card',
      status: 'authorized',
      authorized: sek(39_800),
      captured: sek(0),
      refunded: sek(0),
      action: null,
    },
    pickupCode: `PU-${number}`,
    statusUrl: `http://localhost/orders/${number}`,
    createdAt: '2026-12-03T08:00:00.000Z',
    placedAt: '2026-12-03T08:00:00.000Z',
    acceptedAt: null,
    readyAt: null,
    collectedAt: null,
    cancelledAt: null,
    lockedBy: null,
    amountDue: sek(39_800),
    receiptId: null,
    ...overrides,
  };
}

/** Order `number` to be delivered by post instead of collected. */
export function fixtureDeliveryOrder(number: string): Order {
  return fixtureOrder(number, {
    fulfilment: {
      kind: 'delivery',
      address: { name: 'A', street: 'B 1', postalCode: '111 22', city: 'C', country: 'SE' },
      shippingMethod: { id: 'shm_1', name: 'Postnord', price: sek(4900) },
    },
  });
}

/** The outbox event `type` for `order`, with outbox id `id`. */
export function orderEvent(id: number, type: string, order: Order): DomainEventDto {
  return {
    id: String(id),
    type,
    aggregateType: 'order',
    aggregateId: order.id,
    storeId: 'sto_sthlm',
    occurredAt: '2026-12-03T08:00:00.000Z',
    data: { order },
  };
}
