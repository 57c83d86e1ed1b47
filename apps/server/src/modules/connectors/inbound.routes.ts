// `POST /api/connectors/:id/messages`: the 3PL's reports. The exact bytes are verified against the
// connector's secret (Standard Webhooks) before anything is parsed: 401 otherwise. One message or
// `{ messages: [...] }`; a bad body is 400 naming the field. A single message that is refused is
// 422 naming the field (it is in the dead-letter list); in a batch it is answered `dead_lettered`.
import { WmsInboundBody, WmsInboundMessage, WmsInboundResult } from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance } from 'fastify';
import { type ZodError, z } from 'zod';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';
import { findConnector } from './connectors.store';
import { isSignedBy } from './http-sender';
import { acceptWmsMessages } from './wms-inbound';

// A full stock snapshot (100,000 SKUs) fits.
const BODY_LIMIT = 16 * 1024 * 1024;
const Params = z.strictObject({ id: z.string().min(1).max(100) });
// The batch form on its own: a union would report a bad message at the root, not at its index.
const WmsInboundBatch = WmsInboundBody.options[1];

/** `lines.0.sku` → `lines[0].sku`, as our problem documents name fields. */
export function fieldOf(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (out, key) =>
        typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key),
      '',
    ) || '(root)'
  );
}

function invalidBody(error: ZodError): DomainError {
  return new DomainError(
    'validation_failed',
    'Check the fields of the message.',
    error.issues.map((issue) => ({ field: fieldOf(issue.path), message: issue.message })),
  );
}

/** Parses one message or a batch; a single message is checked on its own for precise field names. */
function parseBody(raw: string): WmsInboundMessage[] {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new DomainError('invalid_json', 'The body is not valid JSON.');
  }
  const isBatch = typeof json === 'object' && json !== null && 'messages' in json;
  const parsed = (isBatch ? WmsInboundBatch : WmsInboundMessage).safeParse(json);
  if (!parsed.success) throw invalidBody(parsed.error);
  const body = parsed.data as WmsInboundBody;
  return 'messages' in body ? body.messages : [body];
}

export function registerInboundRoute(app: FastifyInstance, ctx: AppContext, env: ModuleEnv): void {
  const inboundEnv = { publicUrl: env.config.publicUrl };
  // Encapsulated: only this route keeps its body as the raw text the signature covers.
  app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: BODY_LIMIT },
      (_r, body, done) => done(null, body),
    );
    scope.post('/api/connectors/:id/messages', {
      config: { access: 'public' },
      schema: {
        tags: ['connectors'],
        summary: "A 3PL's messages (signed per Standard Webhooks with the connector's secret)",
        params: Params,
        body: WmsInboundBody,
        response: { 200: WmsInboundResult },
      },
      // The schema documents the body; it is checked after the signature, by hand.
      validatorCompiler: () => (data) => ({ value: data }),
      handler: async (request, reply) => {
        const { id } = Params.parse(request.params);
        const raw = typeof request.body === 'string' ? request.body : '';
        const connector = await findConnector(ctx.db, id);
        if (!connector || !isSignedBy(connector.secret, request.headers, raw)) {
          throw new DomainError('unauthenticated', 'The signature does not match this connector.');
        }
        if (!connector.isEnabled) {
          throw new DomainError('invalid_state', 'This connector is switched off.', [
            { field: 'id', message: 'Connector disabled' },
          ]);
        }
        const list = parseBody(raw);
        const results = await acceptWmsMessages(ctx, inboundEnv, connector, list);
        const first = results[0]!;
        if (list.length === 1 && first.outcome === 'dead_lettered' && first.failure) {
          throw new DomainError('message_rejected', first.failure.reason, [
            { field: first.failure.field ?? '(root)', message: first.failure.reason },
          ]);
        }
        return reply.send({ results: results.map((r) => ({ messageId: r.messageId, outcome: r.outcome })) });
      },
    });
  });
}
