// Webhook subscriptions, their delivery log and redelivery (owners, managers, or an API key with
// `webhooks:manage`), and the two jobs: `webhooks.fanout` (outbox → deliveries) and
// `webhooks.send` (deliveries → signed POSTs).
import {
  CreateWebhookBody,
  Problem,
  page,
  UpdateWebhookBody,
  WebhookDeliveriesQuery,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookSubscription,
  WebhookWithSecret,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { type Access, MANAGERS } from '../../http/access';
import type { ModuleEnv } from '../module-env';
import { fanOutEvents } from './webhooks.fanout';
import { pruneDeliveryLog } from './webhooks.retention';
import { sendDueDeliveries } from './webhooks.send';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  getWebhookDelivery,
  listWebhookDeliveries,
  listWebhooks,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhook,
} from './webhooks.service';

const tags = ['webhooks'];
const access: Access = { staff: MANAGERS, apiKey: 'webhooks:manage' };
const Params = z.strictObject({ id: z.string().min(1).max(100) });
const DeliveryParams = z.strictObject({ deliveryId: z.string().min(1).max(100) });
// The safety net; new events also wake both jobs at once through the outbox relay.
const RUN_EVERY_MS = 1_000;

/** Runs fan-out then sending, coalescing wake-ups: at most one run at a time, one more if woken meanwhile. */
function coalesced(run: () => Promise<unknown>, onError: (error: unknown) => void) {
  let running: Promise<void> | null = null;
  let again = false;
  const wake = () => {
    if (running) {
      again = true;
      return;
    }
    running = run()
      .then(() => undefined, onError)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          wake();
        }
      });
  };
  return { wake, idle: () => running ?? Promise.resolve() };
}

function registerWebhookJobs(app: FastifyInstance, ctx: AppContext, env: ModuleEnv) {
  // The context's clock: the same clock in production, and the one a test moves to make a retry due.
  env.jobs.add({ name: 'webhooks.fanout', everyMs: RUN_EVERY_MS, run: () => fanOutEvents(ctx, ctx.clock()) });
  env.jobs.add({ name: 'webhooks.send', everyMs: RUN_EVERY_MS, run: () => sendDueDeliveries(ctx) });
  env.jobs.add({
    name: 'webhooks.prune',
    everyMs: 60 * 60_000,
    run: () => pruneDeliveryLog(ctx, ctx.clock()),
  });
  if (!env.config.runJobs) return;
  const kick = coalesced(
    async () => {
      await fanOutEvents(ctx, ctx.clock());
      await sendDueDeliveries(ctx);
    },
    (error) => app.log.error({ err: error }, 'webhook delivery failed'),
  );
  const unsubscribe = env.relay.subscribe(kick.wake);
  app.addHook('preClose', async () => {
    unsubscribe();
    await kick.idle();
  });
}

export function registerWebhookRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv) {
  registerWebhookJobs(app, ctx, env);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/webhooks', {
    config: { access },
    schema: {
      tags,
      summary: 'Webhook subscriptions, newest first, with open and failed delivery counts',
      response: { 200: z.object({ items: z.array(WebhookSubscription) }) },
    },
    handler: async () => ({ items: await listWebhooks(ctx) }),
  });
  r.post('/api/webhooks', {
    config: { access },
    schema: {
      tags,
      summary: 'Subscribe a URL to event types from now on; the signing secret is in this answer only',
      body: CreateWebhookBody,
      response: { 201: WebhookWithSecret, 400: Problem },
    },
    handler: async (request, reply) => reply.status(201).send(await createWebhook(ctx, request.body)),
  });
  r.get('/api/webhooks/:id', {
    config: { access },
    schema: {
      tags,
      summary: 'One webhook subscription',
      params: Params,
      response: { 200: WebhookSubscription, 404: Problem },
    },
    handler: async (request) => getWebhook(ctx, request.params.id),
  });
  r.patch('/api/webhooks/:id', {
    config: { access },
    schema: {
      tags,
      summary: 'Change the URL, event types or description, or disable (no deliveries) and enable again',
      params: Params,
      body: UpdateWebhookBody,
      response: { 200: WebhookSubscription, 400: Problem, 404: Problem },
    },
    handler: async (request) => updateWebhook(ctx, request.params.id, request.body),
  });
  r.delete('/api/webhooks/:id', {
    config: { access },
    schema: {
      tags,
      summary: 'Delete a subscription and its delivery log',
      params: Params,
      response: { 204: z.null(), 404: Problem },
    },
    handler: async (request, reply) => {
      await deleteWebhook(ctx, request.params.id);
      return reply.status(204).send(null);
    },
  });
  r.post('/api/webhooks/:id/rotate-secret', {
    config: { access },
    schema: {
      tags,
      summary: 'Replace the signing secret now; the new one is in this answer only',
      params: Params,
      response: { 200: WebhookWithSecret, 404: Problem },
    },
    handler: async (request) => rotateWebhookSecret(ctx, request.params.id),
  });
  r.get('/api/webhooks/:id/deliveries', {
    config: { access },
    schema: {
      tags,
      summary: 'The delivery log of a subscription, newest event first',
      params: Params,
      querystring: WebhookDeliveriesQuery,
      response: { 200: page(WebhookDelivery), 400: Problem, 404: Problem },
    },
    handler: async (request) => listWebhookDeliveries(ctx, request.params.id, request.query),
  });
  r.get('/api/webhooks/deliveries/:deliveryId', {
    config: { access },
    schema: {
      tags,
      summary: 'One delivery with its payload and every attempt',
      params: DeliveryParams,
      response: { 200: WebhookDeliveryDetail, 404: Problem },
    },
    handler: async (request) => getWebhookDelivery(ctx, request.params.deliveryId),
  });
  r.post('/api/webhooks/deliveries/:deliveryId/redeliver', {
    config: { access },
    schema: {
      tags,
      summary: 'Send a delivery again now, with the same webhook-id',
      params: DeliveryParams,
      response: { 200: WebhookDeliveryDetail, 404: Problem, 409: Problem },
    },
    handler: async (request) => redeliverWebhook(ctx, request.params.deliveryId),
  });
}
