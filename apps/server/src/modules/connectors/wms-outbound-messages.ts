// What one outbox event means for one 3PL connector: the messages to queue (usually none). Orders
// and purchase orders go out once (`order.created`, `delivery.expected`); a later change of their
// lines goes out as a new version with the whole current lines (`order.updated`,
// `delivery.updated`) only when the lines really differ from the last ones queued; a cancel once.
// The caller holds the connector's row lock, so versions are counted without a race.
import type {
  DomainEventDto,
  WmsExpectedDeliveryCancelOut,
  WmsExpectedDeliveryOut,
  WmsExpectedDeliveryUpdateOut,
  WmsOrderCancelOut,
  WmsOrderOut,
  WmsOrderUpdateOut,
} from '@handla/api';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { findPurchaseOrder } from '../inventory/purchase-orders.store';
import { findOrder, findShippingMethod, listOrderLines } from '../orders/orders.store';
import type { ConnectorRow } from './connectors.store';
import type { NewMessage } from './messages.store';
import { isQueued, lastVersionOf } from './wms-outbound.store';

const isOpenOrder = (status: string) => status === 'placed' || status === 'accepted';
const ORDER_VERSIONED = ['order.created', 'order.updated'] as const;
const DELIVERY_VERSIONED = ['delivery.expected', 'delivery.updated'] as const;

/** The order as the 3PL gets it, or null when it is not a home delivery. */
async function orderPayload(tx: Queryable, ctx: AppContext, orderId: string, at: Date) {
  const order = await findOrder(tx, { id: orderId });
  if (order?.fulfilment !== 'delivery') return null;
  const method = order.shippingMethodId ? await findShippingMethod(tx, order.shippingMethodId) : undefined;
  const address = order.deliveryAddress;
  const lines = (await listOrderLines(tx, [order.id])).filter((l) => l.state !== 'removed');
  const message: WmsOrderOut = {
    messageId: ctx.newId('wmo'),
    type: 'order.created',
    orderId: order.id,
    orderNumber: order.number,
    lines: lines.map((l) => ({
      orderLineId: l.id,
      sku: l.sku,
      name: [l.productNameSv, l.variantName].filter(Boolean).join(' – '),
      quantity: l.quantity,
    })),
    shipTo: {
      name: address?.name ?? order.customerName,
      street: address?.street ?? '',
      postalCode: address?.postalCode ?? '',
      city: address?.city ?? '',
      country: address?.country ?? 'SE',
      phone: order.customerPhone,
      email: order.customerEmail,
    },
    carrier: { carrierCode: method?.carrier ?? '', serviceCode: method?.serviceCode ?? '' },
    sentAt: at.toISOString(),
  };
  return { order, message };
}

async function deliveryPayload(tx: Queryable, ctx: AppContext, purchaseOrderId: string, at: Date) {
  const po = await findPurchaseOrder(tx, purchaseOrderId);
  if (!po) return null;
  const skus = await tx.query<{ id: string; sku: string }>('select id, sku from skus where id = any($1)', [
    po.lines.map((l) => l.skuId),
  ]);
  const codeOf = new Map(skus.map((s) => [s.id, s.sku]));
  const message: WmsExpectedDeliveryOut = {
    messageId: ctx.newId('wmo'),
    type: 'delivery.expected',
    purchaseOrderId: po.id,
    purchaseOrderNumber: po.id,
    expectedAt: po.expectedOn,
    lines: po.lines.map((l) => ({ sku: codeOf.get(l.skuId) ?? l.skuId, quantity: l.orderedQuantity })),
    sentAt: at.toISOString(),
  };
  return { po, message };
}

/** `order.created` for an open home delivery at the connector's location, or null. */
export async function newOrderMessage(
  tx: Queryable,
  ctx: AppContext,
  connector: ConnectorRow,
  orderId: string,
  at: Date,
): Promise<NewMessage | null> {
  const made = await orderPayload(tx, ctx, orderId, at);
  if (!made || !isOpenOrder(made.order.status) || made.order.locationId !== connector.locationId) return null;
  return {
    connectorId: connector.id,
    sequence: null,
    status: 'pending',
    messageId: made.message.messageId,
    type: made.message.type,
    resource: `order:${made.order.id}`,
    orderId: made.order.id,
    payload: made.message,
    dedupeKey: `order.created:${made.order.id}`,
  };
}

// Only what the 3PL acts on: which line, which SKU, how many (names and prices may change freely).
const orderLinesKey = (lines: WmsOrderOut['lines']) =>
  JSON.stringify(lines.map((l) => [l.orderLineId, l.sku, l.quantity]));

/** `order.updated` when the order's lines differ from the last ones queued for the 3PL. */
async function orderUpdate(
  tx: Queryable,
  ctx: AppContext,
  connector: ConnectorRow,
  orderId: string,
  at: Date,
) {
  const resource = `order:${orderId}`;
  const last = await lastVersionOf(tx, connector.id, resource, ORDER_VERSIONED);
  if (!last) return null; // never sent: nothing to update
  const made = await orderPayload(tx, ctx, orderId, at);
  // A cancelled order goes out as `order.cancel` instead.
  if (!made || made.order.status === 'cancelled') return null;
  const sent = last.payload as Pick<WmsOrderOut, 'lines'>;
  if (orderLinesKey(sent.lines) === orderLinesKey(made.message.lines)) return null;
  const version = last.version + 1;
  const { messageId, orderNumber, lines } = made.message;
  const payload: WmsOrderUpdateOut = {
    messageId,
    type: 'order.updated',
    orderId,
    orderNumber,
    version,
    lines,
    sentAt: at.toISOString(),
  };
  return message(connector, payload, resource, orderId, `order.updated:${orderId}:${version}`);
}

/** `delivery.updated` when the purchase order's lines or expected date differ from the last ones queued. */
async function deliveryUpdate(
  tx: Queryable,
  ctx: AppContext,
  connector: ConnectorRow,
  poId: string,
  at: Date,
) {
  const resource = `purchase_order:${poId}`;
  const last = await lastVersionOf(tx, connector.id, resource, DELIVERY_VERSIONED);
  if (!last) return null;
  const made = await deliveryPayload(tx, ctx, poId, at);
  if (!made || made.po.status === 'closed') return null;
  const sent = last.payload as Pick<WmsExpectedDeliveryOut, 'lines' | 'expectedAt'>;
  const key = (d: typeof sent) => JSON.stringify([d.expectedAt, d.lines.map((l) => [l.sku, l.quantity])]);
  if (key(sent) === key(made.message)) return null;
  const version = last.version + 1;
  const { messageId, purchaseOrderNumber, expectedAt, lines } = made.message;
  const payload: WmsExpectedDeliveryUpdateOut = {
    messageId,
    type: 'delivery.updated',
    purchaseOrderId: poId,
    purchaseOrderNumber,
    version,
    expectedAt,
    lines,
    sentAt: at.toISOString(),
  };
  return message(connector, payload, resource, null, `delivery.updated:${poId}:${version}`);
}

/** `delivery.cancel` for a purchase order the 3PL was sent, closed while something is still outstanding. */
async function deliveryCancel(
  tx: Queryable,
  ctx: AppContext,
  connector: ConnectorRow,
  poId: string,
  at: Date,
) {
  if (!(await isQueued(tx, connector.id, `delivery.expected:${poId}`))) return null;
  const po = await findPurchaseOrder(tx, poId);
  if (!po?.lines.some((l) => l.receivedQuantity < l.orderedQuantity)) return null;
  const messageId = ctx.newId('wmo');
  const payload: WmsExpectedDeliveryCancelOut = {
    messageId,
    type: 'delivery.cancel',
    purchaseOrderId: poId,
    sentAt: at.toISOString(),
  };
  return message(connector, payload, `purchase_order:${poId}`, null, `delivery.cancel:${poId}`);
}

function message(
  connector: ConnectorRow,
  payload: { messageId: string; type: string },
  resource: string,
  orderId: string | null,
  dedupeKey: string,
): NewMessage {
  return {
    connectorId: connector.id,
    sequence: null,
    status: 'pending',
    messageId: payload.messageId,
    type: payload.type,
    resource,
    orderId,
    payload,
    dedupeKey,
  };
}

/** The outbound messages one event means for one connector (usually none). */
export async function messagesFor(
  tx: Queryable,
  ctx: AppContext,
  connector: ConnectorRow,
  event: DomainEventDto,
  at: Date,
): Promise<NewMessage[]> {
  const id = event.aggregateId;
  let made: NewMessage | null = null;
  if (event.type === 'order.placed' || event.type === 'order.accepted') {
    made = await newOrderMessage(tx, ctx, connector, id, at);
  } else if (event.type === 'order.updated') {
    made = await orderUpdate(tx, ctx, connector, id, at);
  } else if (event.type === 'order.cancelled') {
    // Only an order the warehouse was sent, and not when the warehouse itself cancelled it.
    const sent = await tx.query(
      `select 1 from connector_messages where connector_id = $1 and dedupe_key = $2
         and not exists (select 1 from connector_messages i where i.connector_id = $1 and i.direction = 'in'
                           and i.order_id = $3 and i.type = 'order.cancelled' and i.status = 'applied')`,
      [connector.id, `order.created:${id}`, id],
    );
    if (sent.length === 0) return [];
    const messageId = ctx.newId('wmo');
    const payload: WmsOrderCancelOut = {
      messageId,
      type: 'order.cancel',
      orderId: id,
      sentAt: at.toISOString(),
    };
    made = message(connector, payload, `order:${id}`, id, `order.cancel:${id}`);
  } else if (event.type === 'purchase_order.created') {
    const po = await deliveryPayload(tx, ctx, id, at);
    if (!po || po.po.locationId !== connector.locationId) return [];
    made = message(connector, po.message, `purchase_order:${id}`, null, `delivery.expected:${id}`);
  } else if (event.type === 'purchase_order.updated') {
    made = await deliveryUpdate(tx, ctx, connector, id, at);
  } else if (event.type === 'purchase_order.closed') {
    made = await deliveryCancel(tx, ctx, connector, id, at);
  }
  return made ? [made] : [];
}
