// Gift cards: issue (managers) and balance (staff or a paired device).
import { GiftCard, IssueGiftCardBody, Problem } from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { MANAGERS } from '../../http/access';
import { deviceOf } from './device-auth';
import { getGiftCard, issueGiftCard } from './gift-cards.service';

const tags = ['register'];

export function registerGiftCardRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/gift-cards', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: 'Issue a gift card loaded with an amount (managers)',
      body: IssueGiftCardBody,
      response: { 201: GiftCard, 400: Problem, 401: Problem, 403: Problem, 409: Problem },
    },
    handler: async (request, reply) => reply.status(201).send(await issueGiftCard(ctx, request.body)),
  });
  r.get('/api/gift-cards/:code', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A gift card’s balance: staff or a paired device',
      params: z.strictObject({ code: z.string().max(40) }),
      response: { 200: GiftCard, 401: Problem, 404: Problem },
    },
    handler: async (request) => {
      const device = await deviceOf(ctx, request);
      if (!device && request.principal?.kind !== 'staff') {
        throw new DomainError('unauthenticated', 'Sign in or use a paired device.');
      }
      return getGiftCard(ctx, request.params.code);
    },
  });
}
