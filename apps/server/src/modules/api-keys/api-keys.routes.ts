// GET/POST /api/api-keys, DELETE /api/api-keys/:id — managers and owners only.
import { ApiKey, CreateApiKeyBody, CreatedApiKey, Problem } from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { MANAGERS } from '../../http/access';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from './api-keys.service';

export function registerApiKeyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/api-keys', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags: ['api-keys'],
      summary: 'List API keys',
      response: { 200: z.object({ items: z.array(ApiKey) }) },
    },
    handler: async () => ({ items: await listApiKeys(ctx) }),
  });
  r.get('/api/api-keys/current', {
    config: { access: { apiKey: 'any' } },
    schema: {
      tags: ['api-keys'],
      summary: 'The API key making this call: lets an integration check its key and scopes',
      response: { 200: ApiKey, 401: Problem },
    },
    handler: async (request) => {
      if (request.principal?.kind !== 'apiKey') throw new Error('unreachable: access is API keys only');
      return getApiKey(ctx, request.principal.keyId);
    },
  });
  r.post('/api/api-keys', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags: ['api-keys'],
      summary: 'Create an API key; the secret is in this answer only',
      body: CreateApiKeyBody,
      response: { 201: CreatedApiKey, 400: Problem },
    },
    handler: async (request, reply) => {
      const createdBy = request.principal?.kind === 'staff' ? request.principal.userId : null;
      return reply.status(201).send(await createApiKey(ctx, request.body, createdBy));
    },
  });
  r.delete('/api/api-keys/:id', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags: ['api-keys'],
      summary: 'Revoke an API key at once',
      params: z.strictObject({ id: z.string().max(100) }),
      response: { 204: z.null(), 404: Problem },
    },
    handler: async (request, reply) => {
      await revokeApiKey(ctx, request.params.id);
      return reply.status(204).send(null);
    },
  });
}
