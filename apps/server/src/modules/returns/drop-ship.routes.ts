// Drop shipping: the job that turns paid orders into supplier orders, the supplier's confirmation
// link (a small HTML page, its PDF and a POST) and the staff/API views. Registered from returns.routes.ts.
import {
  ConfirmSupplierShipmentBody,
  Problem,
  SetDropShipSupplierBody,
  SetSupplierWebhookBody,
  SupplierOrder,
  SupplierOrderList,
  SupplierWebhook,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF, MANAGERS } from '../../http/access';
import type { ModuleEnv } from '../module-env';
import { confirmPageHtml } from './drop-ship.page';
import { renderSupplierOrderPdf } from './drop-ship.pdf';
import {
  confirmShipmentByToken,
  confirmSupplierShipment,
  getSupplierOrderByToken,
  listSupplierOrders,
  sendSupplierOrders,
  setProductDropShipSupplier,
} from './drop-ship.service';
import { sendSupplierWebhooks, setSupplierWebhook } from './drop-ship.webhook';

const tags = ['drop shipping'];
const PROBLEMS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Params = z.strictObject({ id: z.string().min(1).max(100) });
const TokenParams = z.strictObject({ token: z.string().max(100) });

export function registerDropShipRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv) {
  env.jobs.add({
    name: 'dropship.supplier-orders',
    everyMs: 5_000,
    run: () => sendSupplierOrders(ctx, env.config.publicUrl),
  });
  env.jobs.add({ name: 'dropship.webhooks', everyMs: 5_000, run: () => sendSupplierWebhooks(ctx) });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.put('/api/dropship/suppliers/:id/webhook', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: 'Send this supplier its orders by signed webhook (Standard Webhooks); a new secret each time',
      params: Params,
      body: SetSupplierWebhookBody,
      response: { 200: SupplierWebhook, ...PROBLEMS },
    },
    handler: async (request) => setSupplierWebhook(ctx, request.params.id, request.body.url),
  });

  r.get('/api/dropship/supplier-orders', {
    config: { access: { staff: ALL_STAFF, apiKey: 'orders:read' } },
    schema: {
      tags,
      summary: 'Supplier orders, newest first',
      querystring: z.strictObject({ orderId: z.string().max(100).optional() }),
      response: { 200: SupplierOrderList, ...PROBLEMS },
    },
    handler: async (request) => ({ items: await listSupplierOrders(ctx, request.query) }),
  });
  r.post('/api/dropship/supplier-orders/:id/confirm', {
    config: { access: { staff: MANAGERS, apiKey: 'orders:write' } },
    schema: {
      tags,
      summary: 'Confirm the supplier shipped (the API way): captures exactly its lines, once',
      params: Params,
      body: ConfirmSupplierShipmentBody,
      response: { 200: SupplierOrder, ...PROBLEMS, 402: Problem, 502: Problem },
    },
    handler: async (request) =>
      confirmSupplierShipment(
        ctx,
        request.params.id,
        request.body.trackingNumber,
        request.principal?.kind === 'staff' ? request.principal.userId : 'api',
      ),
  });
  r.put('/api/dropship/products/:id/supplier', {
    config: { access: { staff: MANAGERS, apiKey: 'catalog:write' } },
    schema: {
      tags,
      summary: 'Mark a product as shipped by a supplier (null: shipped by us)',
      params: Params,
      body: SetDropShipSupplierBody,
      response: { 204: z.null(), ...PROBLEMS },
    },
    handler: async (request, reply) => {
      await setProductDropShipSupplier(ctx, request.params.id, request.body.supplierId);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/dropship/confirm/:token', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The supplier’s confirmation page (HTML), by its unguessable link',
      params: TokenParams,
    },
    handler: async (request, reply) => {
      const found = await getSupplierOrderByToken(ctx, request.params.token);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(confirmPageHtml(found, request.params.token));
    },
  });
  r.get('/api/dropship/confirm/:token/pdf', {
    config: { access: 'public' },
    schema: { tags, summary: 'The supplier order as PDF: lines and delivery address', params: TokenParams },
    handler: async (request, reply) => {
      const { supplierOrder, order } = await getSupplierOrderByToken(ctx, request.params.token);
      const pdf = await renderSupplierOrderPdf(order, `${supplierOrder.supplierName} · ${supplierOrder.id}`);
      return reply.type('application/pdf').send(pdf);
    },
  });
  r.post('/api/dropship/confirm/:token', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The supplier confirms shipment with the tracking number; a repeat changes nothing',
      params: TokenParams,
      body: ConfirmSupplierShipmentBody,
      response: { 200: SupplierOrder, ...PROBLEMS, 402: Problem, 502: Problem },
    },
    handler: async (request) =>
      confirmShipmentByToken(ctx, request.params.token, request.body.trackingNumber),
  });
}
