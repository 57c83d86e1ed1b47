// Drop-ship supplier webhooks for the back office: the list (no secrets) and clearing one. Setting
// or rotating is `PUT /api/dropship/suppliers/:id/webhook` in drop-ship.routes.ts.
import { Problem, SupplierWebhookSummary } from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { MANAGERS } from '../../http/access';
import { deleteSupplierWebhookIn, listSupplierWebhooks, supplierExists } from './supplier-webhooks.store';

const tags = ['drop shipping'];
const Params = z.strictObject({ id: z.string().min(1).max(100) });

export function registerSupplierWebhookRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/dropship/supplier-webhooks', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: 'The suppliers that get their orders by webhook, and where; never the secret',
      response: { 200: z.object({ items: z.array(SupplierWebhookSummary) }) },
    },
    handler: async () => ({ items: await listSupplierWebhooks(ctx.db) }),
  });
  r.delete('/api/dropship/suppliers/:id/webhook', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: 'Stop sending this supplier its orders by webhook (mail only); waiting posts are failed',
      params: Params,
      response: { 204: z.null(), 404: Problem },
    },
    handler: async (request, reply) => {
      const supplierId = request.params.id;
      await ctx.db.transaction(async (tx) => {
        if (!(await supplierExists(tx, supplierId))) {
          throw new DomainError('not_found', `No supplier ${supplierId}.`, [
            { field: 'id', message: 'Unknown supplier' },
          ]);
        }
        await deleteSupplierWebhookIn(tx, supplierId, ctx.clock());
      });
      return reply.status(204).send(null);
    },
  });
}
