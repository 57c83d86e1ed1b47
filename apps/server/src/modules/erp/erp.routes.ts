// ERP connector routes (owners and managers): the connection, its messages with retry, and the
// ERP's numbers as references (also API keys with `erp:read`); the ERP's signed reports back
// (erp.inbound.ts); and the three jobs: `erp.fanout` (outbox → messages), `erp.daily_sales` (each
// day once it is over) and `erp.send` (messages → signed POSTs).
import {
  ErpConnectionSaved,
  ErpConnectionState,
  ErpMessage,
  ErpMessagesQuery,
  ErpReference,
  ErpReferencesQuery,
  Problem,
  PutErpConnectionBody,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { type Access, MANAGERS } from '../../http/access';
import { registerDeadLetterHandler } from '../connectors/dead-letters';
import type { ModuleEnv } from '../module-env';
import { queueDueDailySales } from './erp.daily-sales';
import { fanOutToErp } from './erp.fanout';
import { registerErpInboundRoute } from './erp.inbound';
import { ERP_DEAD_LETTER_KIND, sendDueErpMessages } from './erp.send';
import {
  erpDeadLetterHandler,
  getErpConnection,
  listErpMessages,
  listErpReferences,
  putErpConnection,
  retryErpMessage,
} from './erp.service';

const tags = ['erp'];
const access: Access = { staff: MANAGERS };
const Params = z.strictObject({ id: z.string().min(1).max(100) });
// An ERP is not a register waiting for a pickup order: a few seconds' delay is fine.
const RUN_EVERY_MS = 2_000;

function staffId(request: FastifyRequest): string {
  const principal = request.principal;
  if (principal?.kind !== 'staff') throw new DomainError('unauthenticated', 'Sign in first.');
  return principal.userId;
}

function registerErpJobs(ctx: AppContext, env: ModuleEnv) {
  registerDeadLetterHandler(ERP_DEAD_LETTER_KIND, erpDeadLetterHandler);
  // The context's clock: the same clock in production, and the one a test moves to make a retry due.
  env.jobs.add({ name: 'erp.fanout', everyMs: RUN_EVERY_MS, run: () => fanOutToErp(ctx, ctx.clock()) });
  env.jobs.add({ name: 'erp.send', everyMs: RUN_EVERY_MS, run: () => sendDueErpMessages(ctx) });
  env.jobs.add({ name: 'erp.daily_sales', everyMs: 60_000, run: () => queueDueDailySales(ctx, ctx.clock()) });
}

export function registerErpRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv): void {
  registerErpJobs(ctx, env);
  registerErpInboundRoute(app, ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/erp/connection', {
    config: { access },
    schema: {
      tags,
      summary: "The company's ERP connection with each flow's last sync and open counts (null before set-up)",
      response: { 200: ErpConnectionState },
    },
    handler: async (request) => ({ connection: await getErpConnection(ctx, staffId(request)) }),
  });
  r.put('/api/erp/connection', {
    config: { access },
    schema: {
      tags,
      summary:
        'Set up the ERP connection or change it; the signing secret is in the answer on set-up and rotation only',
      body: PutErpConnectionBody,
      response: { 200: ErpConnectionSaved, 400: Problem },
    },
    handler: async (request) => putErpConnection(ctx, staffId(request), request.body),
  });
  r.get('/api/erp/messages', {
    config: { access },
    schema: {
      tags,
      summary: 'Messages to the ERP, newest first, with status and the number the ERP answered',
      querystring: ErpMessagesQuery,
      response: { 200: z.object({ items: z.array(ErpMessage) }), 400: Problem },
    },
    handler: async (request) => ({ items: await listErpMessages(ctx, staffId(request), request.query) }),
  });
  r.post('/api/erp/messages/:id/retry', {
    config: { access },
    schema: {
      tags,
      summary:
        'Send a failed or waiting message now (same messageId; a failed one gets a fresh retry budget)',
      params: Params,
      response: { 200: ErpMessage, 404: Problem, 409: Problem },
    },
    handler: async (request) => retryErpMessage(ctx, staffId(request), request.params.id),
  });
  r.get('/api/erp/references', {
    // An integration (a BI tool, the ERP bridge itself) may read the numbers with an `erp:read` key.
    config: { access: { staff: MANAGERS, apiKey: 'erp:read' } },
    schema: {
      tags,
      summary: "The ERP's numbers for our orders, customers and daily sales (?kind=order&id=ord_…)",
      querystring: ErpReferencesQuery,
      response: { 200: z.object({ items: z.array(ErpReference) }), 400: Problem },
    },
    handler: async (request) => ({
      items: await listErpReferences(ctx, request.principal, request.query),
    }),
  });
}
