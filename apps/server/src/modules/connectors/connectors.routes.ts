// Connectors (managers): config, message log, dead letters with retry and dismiss; the 3PL's
// inbound endpoint (authenticated by its Standard Webhooks signature, not a session); and the
// jobs `connectors.fanout` (outbox → outbound messages), `connectors.send` (signed POSTs) and
// `connectors.inbound` (re-drives inbound messages left behind).
import {
  Connector,
  ConnectorBackfillResult,
  ConnectorMessage,
  ConnectorMessagesQuery,
  ConnectorWithSecret,
  CreateConnectorBody,
  DeadLetter,
  DeadLettersQuery,
  DismissDeadLetterBody,
  Problem,
  UpdateConnectorBody,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { type Access, MANAGERS, type Principal } from '../../http/access';
import type { ModuleEnv } from '../module-env';
import {
  backfillConnector,
  createConnector,
  listConnectorMessages,
  listConnectors,
  requireConnector,
  updateConnector,
} from './connectors.service';
import { dismissDeadLetter, listDeadLetters, retryDeadLetter } from './dead-letters';
import { registerInboundRoute } from './inbound.routes';
import { applyStrandedMessages, registerInboundDeadLetters } from './wms-inbound';
import { fanOutToConnectors, sendDueConnectorMessages } from './wms-outbound';

const tags = ['connectors'];
const access: Access = { staff: MANAGERS };
const Params = z.strictObject({ id: z.string().min(1).max(100) });
const RUN_EVERY_MS = 1_000;

const actorIdOf = (p: Principal | null) =>
  p?.kind === 'staff' ? p.userId : p?.kind === 'apiKey' ? p.keyId : 'unknown';

function registerConnectorJobs(ctx: AppContext, env: ModuleEnv) {
  const inboundEnv = { publicUrl: env.config.publicUrl };
  env.jobs.add({ name: 'connectors.fanout', everyMs: RUN_EVERY_MS, run: () => fanOutToConnectors(ctx) });
  env.jobs.add({ name: 'connectors.send', everyMs: RUN_EVERY_MS, run: () => sendDueConnectorMessages(ctx) });
  env.jobs.add({
    name: 'connectors.inbound',
    everyMs: 5 * RUN_EVERY_MS,
    run: () => applyStrandedMessages(ctx, inboundEnv),
  });
}

export function registerConnectorsRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv): void {
  registerInboundDeadLetters({ publicUrl: env.config.publicUrl });
  registerConnectorJobs(ctx, env);
  registerInboundRoute(app, ctx, env);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/connectors', {
    config: { access },
    schema: { tags, summary: 'Every connector', response: { 200: z.object({ items: z.array(Connector) }) } },
    handler: async () => ({ items: await listConnectors(ctx) }),
  });

  r.post('/api/connectors', {
    config: { access },
    schema: {
      tags,
      summary: 'Connect a 3PL to a third-party location; the answer holds the signing secret, once',
      body: CreateConnectorBody,
      response: { 201: ConnectorWithSecret, 400: Problem, 409: Problem },
    },
    handler: async (request, reply) => reply.status(201).send(await createConnector(ctx, request.body)),
  });

  r.patch('/api/connectors/:id', {
    config: { access },
    schema: {
      tags,
      summary: 'Change the base URL, switch on/off, or route home deliveries to it',
      params: Params,
      body: UpdateConnectorBody,
      response: { 200: Connector, 400: Problem, 404: Problem },
    },
    handler: async (request) => updateConnector(ctx, request.params.id, request.body),
  });

  r.post('/api/connectors/:id/backfill', {
    config: { access },
    schema: {
      tags,
      summary: 'Send the open orders at its location that it was never sent (placed before it existed); once',
      params: Params,
      response: { 200: ConnectorBackfillResult, 404: Problem },
    },
    handler: async (request) => backfillConnector(ctx, request.params.id),
  });

  r.get('/api/connectors/messages', {
    config: { access },
    schema: {
      tags,
      summary: 'The message log, newest first',
      querystring: ConnectorMessagesQuery,
      response: { 200: z.object({ items: z.array(ConnectorMessage) }) },
    },
    handler: async (request) => {
      if (request.query.connectorId) await requireConnector(ctx, request.query.connectorId);
      return { items: await listConnectorMessages(ctx, request.query) };
    },
  });

  r.get('/api/connectors/dead-letters', {
    config: { access },
    schema: {
      tags,
      summary: 'What an integration could not apply or deliver: open ones first',
      querystring: DeadLettersQuery,
      response: { 200: z.object({ items: z.array(DeadLetter) }) },
    },
    handler: async (request) => ({ items: await listDeadLetters(ctx, request.query) }),
  });

  r.post('/api/connectors/dead-letters/:id/retry', {
    config: { access },
    schema: {
      tags,
      summary: 'Apply or send it again; success closes it, a failure is noted on it',
      params: Params,
      response: { 200: DeadLetter, 404: Problem, 409: Problem },
    },
    handler: async (request) => retryDeadLetter(ctx, request.params.id, actorIdOf(request.principal)),
  });

  r.post('/api/connectors/dead-letters/:id/dismiss', {
    config: { access },
    schema: {
      tags,
      summary: 'Close it without fixing it, with a reason',
      params: Params,
      body: DismissDeadLetterBody,
      response: { 200: DeadLetter, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) =>
      dismissDeadLetter(ctx, request.params.id, actorIdOf(request.principal), request.body.reason),
  });
}
