// Loyalty for the signed-in shopper (the `handla_customer` cookie): their member card with its
// barcode, points, level, latest ledger rows and vouchers, and joining the programme.
import { Problem, ShopperLoyalty } from '@handla/api';
import { DomainError } from '@handla/core';
import bwipjs from 'bwip-js/node';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { CUSTOMER_COOKIE } from '../accounts/accounts.routes';
import { findCustomerSession } from '../accounts/accounts.service';
import { findMemberProfile, joinLoyalty } from './loyalty.members';
import { listMemberVouchers } from './loyalty.store';

const tags = ['loyalty'];

/** The card number as a Code 128 barcode: what the register's scanner reads into its customer search. */
export function cardBarcodeSvg(cardNumber: string): string {
  return bwipjs.toSVG({
    bcid: 'code128',
    text: cardNumber,
    height: 14,
    includetext: true,
    textxalign: 'center',
  });
}

export function registerShopperLoyaltyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function requireCustomerId(request: FastifyRequest): Promise<string> {
    const account = await findCustomerSession(ctx, request.cookies[CUSTOMER_COOKIE]);
    if (!account) throw new DomainError('unauthenticated', 'Sign in to your account first.');
    return account.customerId;
  }

  async function shopperLoyalty(customerId: string): Promise<ShopperLoyalty> {
    const member = await findMemberProfile(ctx, customerId);
    const vouchers = member ? await listMemberVouchers(ctx.db, customerId) : [];
    return {
      member,
      vouchers: vouchers.map((v) => ({ ...v, validUntil: v.validUntil.toISOString() })),
    };
  }

  r.get('/api/loyalty/me', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: "The signed-in shopper's member card, points, level, ledger and vouchers",
      response: { 200: ShopperLoyalty, 401: Problem },
    },
    handler: async (request) => shopperLoyalty(await requireCustomerId(request)),
  });

  r.post('/api/loyalty/me/join', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Join the loyalty programme (201; 200 when already a member)',
      response: { 200: ShopperLoyalty, 201: ShopperLoyalty, 401: Problem },
    },
    handler: async (request, reply) => {
      const customerId = await requireCustomerId(request);
      const isNew = await joinLoyalty(ctx, customerId);
      return reply.status(isNew ? 201 : 200).send(await shopperLoyalty(customerId));
    },
  });

  r.get('/api/loyalty/me/card.svg', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: "The member card's number as a Code 128 barcode (SVG)",
      response: { 200: z.string(), 401: Problem, 404: Problem },
    },
    handler: async (request, reply) => {
      const member = await findMemberProfile(ctx, await requireCustomerId(request));
      if (!member) {
        throw new DomainError('not_found', 'Not a member yet.', [
          { field: 'cardNumber', message: 'Join first' },
        ]);
      }
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('cache-control', 'private, max-age=3600')
        .send(cardBarcodeSvg(member.cardNumber));
    },
  });
}
