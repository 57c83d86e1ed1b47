// Shipping: carriers behind a port, shipments per line and quantity, labels (PDF, Code 128), a capture per shipment.
import {
  CancelRestBody,
  CreateShipmentBody,
  Problem,
  RecentShipments,
  RecentShipmentsQuery,
  Shipment,
  ShippingOrder,
  ShippingOrderQuery,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF, MANAGERS, type Principal } from '../../http/access';
import type { ModuleEnv } from '../module-env';
import { findOrder } from '../orders/orders.store';
import { installCarriers } from './carriers';
import { createDemoCarrier, DEMO_CARRIER_NAME } from './demo-carrier';
import { cancelRest } from './shipping.cancel';
import { createShipment, type ShippingActor } from './shipping.service';
import * as store from './shipping.store';
import { orderNotFound, viewShipmentRows, viewShippingOrder } from './shipping.view';

const tags = ['shipping'];
const READ = { staff: ALL_STAFF, apiKey: 'orders:read' } as const;
const WRITE = { staff: MANAGERS, apiKey: 'orders:write' } as const;
const OrderParams = z.strictObject({ orderId: z.string().min(1).max(100) });
const IdParams = z.strictObject({ id: z.string().min(1).max(100) });

function actorOf(principal: Principal | null): ShippingActor {
  if (principal?.kind === 'apiKey')
    return { editor: { kind: 'api', id: principal.keyId }, actorId: principal.keyId };
  const id = principal?.kind === 'staff' ? principal.userId : 'unknown';
  return { editor: { kind: 'staff', id }, actorId: id };
}

async function shippingOrder(ctx: AppContext, orderId: string) {
  const order = await findOrder(ctx.db, { id: orderId });
  if (!order) throw orderNotFound(orderId);
  return viewShippingOrder(ctx.db, order, await store.listShipmentsOfOrder(ctx.db, order.id));
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function registerShippingRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv) {
  // No real carrier adapter is configured yet: the demo carrier books for every carrier.
  installCarriers(ctx, {
    fallback: createDemoCarrier({ publicUrl: () => env.config.publicUrl, clock: ctx.clock }),
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/shipping/orders/:orderId/shipments', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Ship units of order lines: captures their amount, books the carrier (idempotent on the key)',
      params: OrderParams,
      body: CreateShipmentBody,
      response: {
        200: Shipment,
        201: Shipment,
        400: Problem,
        402: Problem,
        404: Problem,
        409: Problem,
        502: Problem,
      },
    },
    handler: async (request, reply) => {
      const result = await createShipment(
        ctx,
        actorOf(request.principal),
        request.params.orderId,
        request.body,
      );
      return reply.status(result.isNew ? 201 : 200).send(result.shipment);
    },
  });

  r.get('/api/shipping/orders/:orderId/shipments', {
    config: { access: READ },
    schema: {
      tags,
      summary: "The order's lines (shipped, cancelled, left) and its shipments",
      params: OrderParams,
      response: { 200: ShippingOrder, 404: Problem },
    },
    handler: async (request) => shippingOrder(ctx, request.params.orderId),
  });

  r.get('/api/shipping/orders', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'Find an order by its number, as the warehouse sees it',
      querystring: ShippingOrderQuery,
      response: { 200: ShippingOrder, 404: Problem },
    },
    handler: async (request) => {
      const id = await store.findOrderIdByNumber(ctx.db, request.query.number);
      if (!id) {
        throw new DomainError('not_found', `No order ${request.query.number}.`, [
          { field: 'number', message: 'Unknown order number' },
        ]);
      }
      return shippingOrder(ctx, id);
    },
  });

  r.post('/api/shipping/orders/:orderId/cancel-rest', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Cancel what is not shipped: holds released, the rest of the authorization released',
      params: OrderParams,
      body: CancelRestBody.nullish(),
      response: { 200: ShippingOrder, 404: Problem, 409: Problem, 502: Problem },
    },
    handler: async (request) =>
      cancelRest(ctx, actorOf(request.principal), request.params.orderId, request.body ?? {}),
  });

  r.get('/api/shipping/shipments', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'Recent shipments, newest first',
      querystring: RecentShipmentsQuery,
      response: { 200: RecentShipments },
    },
    handler: async (request) => ({
      items: await viewShipmentRows(ctx.db, await store.listRecentShipments(ctx.db, request.query.limit)),
    }),
  });

  r.get('/api/shipping/shipments/:id/label.pdf', {
    config: { access: READ },
    schema: { tags, summary: "The carrier's label (PDF)", params: IdParams },
    handler: async (request, reply) => {
      const pdf = await store.findLabelPdf(ctx.db, request.params.id);
      if (!pdf) {
        throw new DomainError('not_found', `No label for shipment ${request.params.id}.`, [
          { field: 'id', message: 'Unknown shipment, or not booked yet' },
        ]);
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="label-${request.params.id}.pdf"`)
        .send(pdf);
    },
  });

  // The demo carrier's tracking page: what the shopper's tracking link opens.
  r.get('/api/shipping/track/:trackingNumber', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: `${DEMO_CARRIER_NAME}: follow a parcel`,
      params: z.strictObject({ trackingNumber: z.string().regex(/^[A-Z]{2}\d{9}[A-Z]{2}$/) }),
    },
    handler: async (request, reply) => {
      const shipment = await store.findShipmentByTracking(ctx.db, request.params.trackingNumber);
      if (!shipment) return reply.callNotFound();
      const number = escapeHtml(request.params.trackingNumber);
      const booked = shipment.finishedAt?.toISOString().slice(0, 16).replace('T', ' ') ?? '';
      return reply
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${number}</title></head><body>` +
            `<h1>${escapeHtml(DEMO_CARRIER_NAME)}</h1><p>Kolli / parcel <strong>${number}</strong></p>` +
            `<p>Bokad / booked ${escapeHtml(booked)} UTC. En demotransportör: inget paket rör sig. ` +
            `A demo carrier: no parcel moves.</p></body></html>`,
        );
    },
  });
}
