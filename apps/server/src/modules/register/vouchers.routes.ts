// Vouchers: issue (managers) and look one up (staff or a paired device) before taking it.
import { IssueVoucherBody, Problem, Voucher } from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { MANAGERS } from '../../http/access';
import { deviceOf } from './device-auth';
import { getVoucher, issueVoucher } from './vouchers.service';

const tags = ['register'];

export function registerVoucherRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/vouchers', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: 'Issue a voucher (a coupon or credit note) paid with at the register (managers)',
      body: IssueVoucherBody,
      response: { 201: Voucher, 400: Problem, 401: Problem, 403: Problem, 409: Problem },
    },
    handler: async (request, reply) => {
      const staffId = request.principal?.kind === 'staff' ? request.principal.userId : null;
      return reply.status(201).send(await issueVoucher(ctx, request.body, staffId));
    },
  });
  r.get('/api/vouchers/:code', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A voucher’s amount and status (valid, used, expired): staff or a paired device',
      params: z.strictObject({ code: z.string().max(40) }),
      response: { 200: Voucher, 401: Problem, 404: Problem },
    },
    handler: async (request) => {
      const device = await deviceOf(ctx, request);
      if (!device && request.principal?.kind !== 'staff') {
        throw new DomainError('unauthenticated', 'Sign in or use a paired device.');
      }
      return getVoucher(ctx, request.params.code);
    },
  });
}
