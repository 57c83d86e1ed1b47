// The warehouse the 3PL simulates: its own stock, the orders Handla sent it, and the reports it
// makes while working them — received, picking, shipped (what the stock allows; the rest later
// or cancelled), returns, stock snapshots and received deliveries. Every order message carries
// the order's next sequence number from 1. What it reports goes to `emit` (the sender).
import type {
  WmsExpectedDeliveryOut,
  WmsExpectedDeliveryUpdateOut,
  WmsInboundMessage,
  WmsOrderOut,
  WmsOrderUpdateOut,
} from '@handla/api';
import { s10Identifier } from '@handla/core';
import { applyDeliveryCancel, applyDeliveryUpdate, applyOrderUpdate } from './changes';
import type { ResolvedOptions } from './options';
import { SimError } from './sim-error';

export interface SimOrderLine {
  orderLineId: string;
  sku: string;
  quantity: number;
  shipped: number;
  cancelled: number;
}

export interface SimOrder {
  orderId: string;
  orderNumber: number;
  lines: SimOrderLine[];
  /** received → picking → shipped, or waiting (short of stock) in between, or cancelled. */
  status: 'new' | 'received' | 'picking' | 'waiting' | 'shipped' | 'cancelled';
  nextSequence: number;
  /** 1 from `order.created`, then the newest `order.updated` applied. */
  version: number;
  shipments: { trackingNumber: string; lines: { sku: string; quantity: number }[] }[];
}

export interface SimDelivery {
  purchaseOrderId: string;
  lines: { sku: string; quantity: number }[];
  isReceived: boolean;
  isCancelled: boolean;
  version: number;
}

type ReturnLine = { sku: string; quantity: number; condition: 'resellable' | 'damaged' };

export interface Warehouse {
  takeOrder(message: WmsOrderOut): void;
  /** Handla changed the order's lines: replaced before picking, refused (409) after. */
  updateOrder(message: WmsOrderUpdateOut): void;
  /** Handla cancelled the order: stop working it (nothing more ships). */
  cancelOrder(orderId: string): void;
  expectDelivery(message: WmsExpectedDeliveryOut): void;
  updateDelivery(message: WmsExpectedDeliveryUpdateOut): void;
  cancelDelivery(purchaseOrderId: string): void;
  setStock(items: Record<string, number>): void;
  /** Works the order (or every order waiting for work or stock) now; returns how many. */
  work(orderId?: string): number;
  cancelRest(orderId: string, reason?: string): void;
  returnLines(orderId: string, lines: ReturnLine[]): void;
  /** A `stock.snapshot` of every SKU it counts, or of `skus` only. */
  sendSnapshot(skus?: string[]): void;
  receiveDelivery(purchaseOrderId: string, lines?: { sku: string; quantity: number }[]): void;
  orders(): SimOrder[];
  stock(): Record<string, number>;
  deliveries(): SimDelivery[];
  close(): void;
}

const unfinished = (line: SimOrderLine) => line.quantity - line.shipped - line.cancelled;

export function createWarehouse(
  options: ResolvedOptions,
  emit: (message: WmsInboundMessage) => void,
): Warehouse {
  const orders = new Map<string, SimOrder>();
  const deliveries = new Map<string, SimDelivery>();
  const stock = new Map<string, number>(Object.entries(options.stock));
  const timers = new Set<NodeJS.Timeout>();
  // Ids unique across runs of the sim: Handla dedupes on them per connector.
  const instance = Math.random().toString(36).slice(2, 10);
  let messageNumber = 0;
  let trackingSerial = Math.floor(Math.random() * 50_000_000);

  const newMessageId = () => `wms_${instance}_${++messageNumber}`;
  const now = () => new Date().toISOString();
  const onHand = (sku: string) => stock.get(sku) ?? options.defaultStock;

  function later(step: () => void) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      step();
    }, options.workDelayMs);
    timers.add(timer);
  }

  function orderOf(orderId: string): SimOrder {
    const order = orders.get(orderId);
    if (!order) throw new SimError(404, 'orderId', `No order ${orderId} at this 3PL.`);
    return order;
  }

  type OrderReport =
    | { type: 'order.received' | 'order.picking' }
    | { type: 'order.shipped'; trackingNumber: string; lines: { sku: string; quantity: number }[] }
    | { type: 'order.cancelled'; reason: string }
    | { type: 'return.received'; lines: ReturnLine[] };

  function report(order: SimOrder, body: OrderReport) {
    const base = { messageId: newMessageId(), orderId: order.orderId, sequence: order.nextSequence++ };
    emit({ ...base, occurredAt: now(), ...body } as WmsInboundMessage);
  }

  function receive(order: SimOrder) {
    if (order.status !== 'new') return;
    order.status = 'received';
    report(order, { type: 'order.received' });
    if (options.autoWork) later(() => pick(order));
  }

  function pick(order: SimOrder) {
    if (order.status !== 'received') return;
    order.status = 'picking';
    report(order, { type: 'order.picking' });
    later(() => ship(order));
  }

  // Ships what the stock allows; what is short waits for stock, or is cancelled (`whenShort`).
  function ship(order: SimOrder) {
    if (order.status !== 'picking' && order.status !== 'waiting') return;
    const parcel = new Map<string, number>();
    for (const line of order.lines) {
      const units = Math.min(unfinished(line), onHand(line.sku));
      if (units <= 0) continue;
      stock.set(line.sku, onHand(line.sku) - units);
      line.shipped += units;
      parcel.set(line.sku, (parcel.get(line.sku) ?? 0) + units);
    }
    if (parcel.size > 0) {
      const lines = [...parcel].map(([sku, quantity]) => ({ sku, quantity }));
      const trackingNumber = s10Identifier('CA', ++trackingSerial % 100_000_000, 'SE');
      order.shipments.push({ trackingNumber, lines });
      report(order, { type: 'order.shipped', trackingNumber, lines });
    }
    const isDone = order.lines.every((l) => unfinished(l) === 0);
    if (isDone) order.status = 'shipped';
    else if (options.whenShort === 'cancel') cancelRest(order, 'Out of stock at the 3PL');
    else order.status = 'waiting';
  }

  function cancelRest(order: SimOrder, reason: string) {
    for (const line of order.lines) line.cancelled += unfinished(line);
    order.status = order.shipments.length > 0 ? 'shipped' : 'cancelled';
    report(order, { type: 'order.cancelled', reason });
  }

  return {
    takeOrder(message) {
      if (orders.has(message.orderId)) return; // the same order under a new message id: one order
      const order: SimOrder = {
        orderId: message.orderId,
        orderNumber: message.orderNumber,
        lines: message.lines.map((l) => ({ ...l, shipped: 0, cancelled: 0 })),
        status: 'new',
        nextSequence: 1,
        version: 1,
        shipments: [],
      };
      orders.set(order.orderId, order);
      // The SKUs it now carries show up in its stock snapshots.
      for (const line of order.lines) if (!stock.has(line.sku)) stock.set(line.sku, options.defaultStock);
      later(() => receive(order));
    },
    updateOrder(message) {
      const order = orders.get(message.orderId);
      applyOrderUpdate(order, message);
      for (const line of order!.lines) if (!stock.has(line.sku)) stock.set(line.sku, options.defaultStock);
    },
    cancelOrder(orderId) {
      const order = orders.get(orderId);
      if (!order || order.status === 'shipped' || order.status === 'cancelled') return;
      for (const line of order.lines) line.cancelled += unfinished(line);
      order.status = order.shipments.length > 0 ? 'shipped' : 'cancelled';
    },
    expectDelivery(message) {
      if (deliveries.has(message.purchaseOrderId)) return;
      deliveries.set(message.purchaseOrderId, {
        purchaseOrderId: message.purchaseOrderId,
        lines: message.lines.map((l) => ({ ...l })),
        isReceived: false,
        isCancelled: false,
        version: 1,
      });
      if (options.autoReceiveDeliveries) later(() => this.receiveDelivery(message.purchaseOrderId));
    },
    updateDelivery(message) {
      applyDeliveryUpdate(deliveries.get(message.purchaseOrderId), message);
    },
    cancelDelivery(purchaseOrderId) {
      applyDeliveryCancel(deliveries.get(purchaseOrderId), purchaseOrderId);
    },
    setStock(items) {
      for (const [sku, quantity] of Object.entries(items)) stock.set(sku, quantity);
      for (const order of orders.values()) if (order.status === 'waiting') later(() => ship(order));
    },
    work(orderId) {
      const chosen = orderId === undefined ? [...orders.values()] : [orderOf(orderId)];
      let worked = 0;
      for (const order of chosen) {
        if (order.status === 'received') pick(order);
        else if (order.status === 'waiting') ship(order);
        else continue;
        worked++;
      }
      return worked;
    },
    cancelRest(orderId, reason) {
      const order = orderOf(orderId);
      if (order.lines.every((l) => unfinished(l) === 0)) {
        throw new SimError(409, 'orderId', `Order ${orderId} has nothing left to cancel.`);
      }
      cancelRest(order, reason ?? 'Cancelled by the 3PL');
    },
    returnLines(orderId, lines) {
      const order = orderOf(orderId);
      lines.forEach((line, i) => {
        const shipped = order.lines.filter((l) => l.sku === line.sku).reduce((n, l) => n + l.shipped, 0);
        if (shipped === 0) throw new SimError(400, `lines[${i}].sku`, `${line.sku} was not shipped.`);
      });
      for (const line of lines) {
        if (line.condition === 'resellable') stock.set(line.sku, onHand(line.sku) + line.quantity);
      }
      report(order, { type: 'return.received', lines });
    },
    sendSnapshot(skus) {
      const counted = skus ? skus.map((sku) => [sku, onHand(sku)] as const) : [...stock];
      const items = counted.map(([sku, quantity]) => ({ sku, quantity: Math.max(quantity, 0) }));
      emit({ messageId: newMessageId(), type: 'stock.snapshot', occurredAt: now(), items });
    },
    receiveDelivery(purchaseOrderId, lines) {
      const delivery = deliveries.get(purchaseOrderId);
      if (!delivery) throw new SimError(404, 'purchaseOrderId', `No expected delivery ${purchaseOrderId}.`);
      if (delivery.isReceived) throw new SimError(409, 'purchaseOrderId', `${purchaseOrderId} is received.`);
      if (delivery.isCancelled)
        throw new SimError(409, 'purchaseOrderId', `${purchaseOrderId} is cancelled.`);
      const received =
        lines ??
        delivery.lines.map((l, i) => ({
          sku: l.sku,
          quantity: Math.max(l.quantity + (i === 0 ? options.deliveryDeviation : 0), 0),
        }));
      delivery.isReceived = true;
      for (const line of received) stock.set(line.sku, onHand(line.sku) + line.quantity);
      emit({
        messageId: newMessageId(),
        type: 'delivery.received',
        occurredAt: now(),
        purchaseOrderId,
        lines: received,
      });
    },
    orders: () => [...orders.values()],
    stock: () => Object.fromEntries(stock),
    deliveries: () => [...deliveries.values()],
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
