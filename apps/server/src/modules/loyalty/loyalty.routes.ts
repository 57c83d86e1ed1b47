// Loyalty for managers: the company's earning settings and a member's points.
import { LoyaltyMember, LoyaltySettings, Problem } from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { MANAGERS } from '../../http/access';
import type { ModuleEnv } from '../module-env';
import { findCompanyFacts } from '../pricing/pricing.shared';
import { newVoucherCode } from '../register/vouchers.service';
import { runLoyaltyEarn } from './loyalty.earn';
import { registerShopperLoyaltyRoutes } from './loyalty.me.routes';
import { findMemberProfile } from './loyalty.members';
import { enrolMember, findLoyaltySettings, saveLoyaltySettings } from './loyalty.store';
import { giveBackWebVouchers } from './web-vouchers';

const tags = ['loyalty'];

export function registerLoyaltyRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv) {
  // Points follow the outbox within seconds; the job is idempotent, so any process may run it.
  env.jobs.add({ name: 'loyalty.earn', everyMs: 5_000, run: () => runLoyaltyEarn(ctx, ctx.clock()) });
  // Vouchers of cancelled or returned web orders go back to the shopper (web-vouchers.ts).
  env.jobs.add({
    name: 'loyalty.vouchers-back',
    everyMs: 10_000,
    run: () => giveBackWebVouchers(ctx, ctx.clock()),
  });
  registerShopperLoyaltyRoutes(app, ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/loyalty/settings', {
    config: { access: { staff: MANAGERS } },
    schema: { tags, summary: 'Loyalty earning settings (managers)', response: { 200: LoyaltySettings } },
    handler: async () => findLoyaltySettings(ctx.db, (await findCompanyFacts(ctx.db)).id),
  });
  r.put('/api/loyalty/settings', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: 'Change the loyalty earning settings (managers)',
      body: LoyaltySettings,
      response: { 200: LoyaltySettings, 400: Problem, 401: Problem, 403: Problem },
    },
    handler: async (request) => {
      const companyId = (await findCompanyFacts(ctx.db)).id;
      await saveLoyaltySettings(ctx.db, companyId, request.body);
      return findLoyaltySettings(ctx.db, companyId);
    },
  });
  r.post('/api/loyalty/members', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: 'Enrol a customer, giving a card number if it has none (managers)',
      body: z.strictObject({ customerId: z.string().min(1).max(100) }),
      response: {
        201: z.object({ customerId: z.string() }),
        400: Problem,
        401: Problem,
        403: Problem,
        404: Problem,
      },
    },
    handler: async (request, reply) => {
      const { customerId } = request.body;
      // Card numbers are unique per company; a random 12-digit number like a voucher code.
      if (!(await enrolMember(ctx.db, customerId, newVoucherCode().slice(0, 12)))) {
        throw new DomainError('not_found', 'No customer with that id.', [
          { field: 'customerId', message: 'Unknown customer' },
        ]);
      }
      return reply.status(201).send({ customerId });
    },
  });
  r.get('/api/loyalty/members/:customerId', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: "A member's points balance, level and latest ledger rows (managers)",
      params: z.strictObject({ customerId: z.string().min(1).max(100) }),
      response: { 200: LoyaltyMember, 401: Problem, 403: Problem, 404: Problem },
    },
    handler: async (request) => {
      const member = await findMemberProfile(ctx, request.params.customerId);
      if (!member)
        throw new DomainError('not_found', 'No member with that customer id.', [
          { field: 'customerId', message: 'Not a member' },
        ]);
      return member;
    },
  });
}
