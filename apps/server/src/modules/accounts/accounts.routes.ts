// Shopper accounts: /api/account/sign-up, sign-in, sign-out, the account, its orders and re-order.
// Public routes: the shopper's own cookie (`handla_customer`) decides, never a staff session.
import {
  CustomerAccount,
  CustomerSignInBody,
  CustomerSignUpBody,
  Order,
  Problem,
  ReorderResult,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerConfig } from '../../config';
import type { AppContext } from '../../context';
import { canPayByInvoice } from '../invoices/invoices.checkout';
import {
  accountOf,
  CUSTOMER_SESSION_DAYS,
  findCustomerSession,
  listAccountOrders,
  reorder,
  signInCustomer,
  signOutCustomer,
  signUpCustomer,
} from './accounts.service';

/** The shopper's session cookie (separate from staff's `handla_session`). */
export const CUSTOMER_COOKIE = 'handla_customer';
const tags = ['account'];

export function registerAccountRoutes(app: FastifyInstance, ctx: AppContext, config: ServerConfig) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  function setCookie(reply: FastifyReply, request: FastifyRequest, token: string) {
    reply.setCookie(CUSTOMER_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure,
      maxAge: CUSTOMER_SESSION_DAYS * 86_400,
    });
  }

  async function requireAccount(request: FastifyRequest) {
    const account = await findCustomerSession(ctx, request.cookies[CUSTOMER_COOKIE]);
    if (!account) throw new DomainError('unauthenticated', 'Sign in to your account first.');
    return account;
  }

  r.post('/api/account/sign-up', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Create a shopper account and sign in',
      body: CustomerSignUpBody,
      response: { 201: CustomerAccount, 400: Problem, 409: Problem },
    },
    handler: async (request, reply) => {
      const { token, account } = await signUpCustomer(ctx, request.body);
      setCookie(reply, request, token);
      return reply.status(201).send(account);
    },
  });
  r.post('/api/account/sign-in', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Sign a shopper in; sets the handla_customer cookie',
      body: CustomerSignInBody,
      response: { 200: CustomerAccount, 400: Problem, 401: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      const { token, account } = await signInCustomer(ctx, { ...request.body, clientAddress: request.ip });
      setCookie(reply, request, token);
      return account;
    },
  });
  r.post('/api/account/sign-out', {
    config: { access: 'public' },
    schema: { tags, summary: 'End the shopper session', response: { 204: z.null() } },
    handler: async (request, reply) => {
      const token = request.cookies[CUSTOMER_COOKIE];
      if (token) await signOutCustomer(ctx, token);
      reply.clearCookie(CUSTOMER_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });
  r.get('/api/account', {
    config: { access: 'public' },
    schema: { tags, summary: 'The signed-in shopper', response: { 200: CustomerAccount, 401: Problem } },
    handler: async (request) => {
      const account = await requireAccount(request);
      return { ...accountOf(account), canPayByInvoice: await canPayByInvoice(ctx.db, account.customerId) };
    },
  });
  r.get('/api/account/orders', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: "The shopper's orders, newest first",
      response: { 200: z.object({ items: z.array(Order) }), 401: Problem },
    },
    handler: async (request) => ({ items: await listAccountOrders(ctx, await requireAccount(request)) }),
  });
  r.post('/api/account/orders/:id/reorder', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The lines of an earlier order that are still for sale, to put in the cart',
      params: z.strictObject({ id: z.string().max(100) }),
      response: { 200: ReorderResult, 401: Problem, 404: Problem },
    },
    handler: async (request) => reorder(ctx, await requireAccount(request), request.params.id),
  });
}
