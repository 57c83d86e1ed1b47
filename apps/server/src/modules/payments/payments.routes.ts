// Routes of the payments module: a payment with its history, capture / refund / release for
// managers and integrations (each with an Idempotency-Key header), Swish's callback, and the test
// provider's own pages. Installs the test provider as the provider of every method, unless the
// configuration switches it off (HANDLA_TEST_PAYMENTS=false).
import {
  Payment,
  PaymentAmountBody,
  type PaymentOperation,
  Problem,
  SwishCallback,
  VoidPaymentBody,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF, MANAGERS, type Principal } from '../../http/access';
import type { ModuleEnv } from '../module-env';
import { recordSwishCallback } from './payments.callbacks';
import type { PaymentRecord } from './payments.port';
import { installPaymentProviders, paymentProviders } from './payments.providers';
import { capturePayment, getPaymentWithHistory, refundPayment, voidPayment } from './payments.service';
import type { OperationRow } from './payments.store';
import { registerTestProviderRoutes } from './payments.test-routes';
import { createTestProviders, type TestProviders } from './test-provider/index';
import { httpSwishSender, SWISH_CALLBACK_PATH } from './test-provider/swish';

const tags = ['payments'];
const IdParams = z.strictObject({ id: z.string().min(1).max(100) });
const IDEMPOTENCY_HEADER = 'Idempotency-Key';

function toOperationDto(op: OperationRow, currency: string): PaymentOperation {
  return {
    id: op.id,
    kind: op.kind,
    amount: op.amount === null ? null : { amount: op.amount, currency },
    idempotencyKey: op.idempotencyKey,
    outcome: op.outcome,
    actor: op.actor,
    reason: op.reason,
    response: op.response,
    startedAt: op.startedAt.toISOString(),
    finishedAt: op.finishedAt?.toISOString() ?? null,
  };
}

export function toPaymentDto(payment: PaymentRecord, operations: OperationRow[]): Payment {
  const m = (amount: number) => ({ amount, currency: payment.currency });
  return {
    id: payment.id,
    orderId: payment.orderId,
    method: payment.method,
    provider: payment.provider,
    providerReference: payment.providerReference,
    status: payment.status,
    amount: m(payment.amount),
    authorized: m(payment.authorized),
    captured: m(payment.captured),
    refunded: m(payment.refunded),
    action: payment.action,
    createdAt: payment.createdAt.toISOString(),
    updatedAt: payment.updatedAt.toISOString(),
    operations: operations.map((op) => toOperationDto(op, payment.currency)),
  };
}

// Money operations need the caller's key; without it a retried request could move money twice.
function idempotencyKeyOf(request: FastifyRequest): string {
  const key = request.headers['idempotency-key'];
  const value = Array.isArray(key) ? key[0] : key;
  if (!value || !/^[A-Za-z0-9_:.-]{8,100}$/.test(value)) {
    throw new DomainError('validation_failed', `Send an ${IDEMPOTENCY_HEADER} header.`, [
      { field: IDEMPOTENCY_HEADER, message: '8–100 letters, digits or _ : . - (a UUID is fine)' },
    ]);
  }
  return value;
}

function actorOf(principal: Principal | null): string | undefined {
  if (principal?.kind === 'staff') return principal.userId;
  if (principal?.kind === 'apiKey') return principal.keyId;
  return undefined;
}

const WRITE = { staff: MANAGERS, apiKey: 'orders:write' } as const;

export function registerPaymentsRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv) {
  if (env.config.testPayments) registerTestProvider(app, ctx, env);
  // No real provider is wired yet: with the test provider off, only paying in the store remains.
  else installPaymentProviders(ctx, {});
  const r = app.withTypeProvider<ZodTypeProvider>();

  const withHistory = async (id: string) => {
    const { payment, operations } = await getPaymentWithHistory(ctx.db, id);
    return toPaymentDto(payment, operations);
  };

  r.get('/api/payments/:id', {
    config: { access: { staff: ALL_STAFF, apiKey: 'orders:read' } },
    schema: {
      tags,
      summary: 'A payment with its operation history',
      params: IdParams,
      response: { 200: Payment, 404: Problem },
    },
    handler: async (request) => withHistory(request.params.id),
  });

  r.post('/api/payments/:id/captures', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Capture part or all of what is authorized (Idempotency-Key header required)',
      params: IdParams,
      body: PaymentAmountBody,
      response: { 200: Payment, 400: Problem, 402: Problem, 404: Problem, 409: Problem, 502: Problem },
    },
    handler: async (request) => {
      const idempotencyKey = idempotencyKeyOf(request);
      await capturePayment(ctx, {
        paymentId: request.params.id,
        ...request.body,
        idempotencyKey,
        actor: actorOf(request.principal),
      });
      return withHistory(request.params.id);
    },
  });

  r.post('/api/payments/:id/refunds', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Refund part or all of what is captured (Idempotency-Key header required)',
      params: IdParams,
      body: PaymentAmountBody,
      response: { 200: Payment, 400: Problem, 402: Problem, 404: Problem, 409: Problem, 502: Problem },
    },
    handler: async (request) => {
      const idempotencyKey = idempotencyKeyOf(request);
      await refundPayment(ctx, {
        paymentId: request.params.id,
        ...request.body,
        idempotencyKey,
        actor: actorOf(request.principal),
      });
      return withHistory(request.params.id);
    },
  });

  r.post('/api/payments/:id/void', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Release what is authorized and not captured (Idempotency-Key header required)',
      params: IdParams,
      // Fastify hands an absent body over as null.
      body: VoidPaymentBody.nullish(),
      response: { 200: Payment, 400: Problem, 404: Problem, 409: Problem, 502: Problem },
    },
    handler: async (request) => {
      const idempotencyKey = idempotencyKeyOf(request);
      await voidPayment(ctx, {
        paymentId: request.params.id,
        reason: request.body?.reason,
        idempotencyKey,
        actor: actorOf(request.principal),
      });
      return withHistory(request.params.id);
    },
  });

  r.post(SWISH_CALLBACK_PATH, {
    config: { access: 'public' },
    schema: {
      tags,
      summary: "Swish's callback when a payment request is answered (verified by its callbackIdentifier)",
      body: SwishCallback,
      response: { 200: z.object({ status: z.string() }), 403: Problem },
    },
    handler: async (request) => {
      const identifier = request.headers.callbackidentifier;
      const payment = await recordSwishCallback(
        ctx,
        Array.isArray(identifier) ? identifier[0] : identifier,
        request.body,
      );
      return { status: payment.status };
    },
  });
}

/** The built-in test provider for every online method, with its card-field and confirm pages. */
function registerTestProvider(app: FastifyInstance, ctx: AppContext, env: ModuleEnv) {
  installPaymentProviders(
    ctx,
    createTestProviders({
      get publicUrl() {
        return env.config.publicUrl;
      },
      clock: ctx.clock,
      sendSwishCallback: httpSwishSender(300, (error) =>
        app.log.warn({ err: error }, 'test Swish callback not delivered'),
      ),
    }),
  );
  // Looked up per request: tests may install other providers on the same context.
  registerTestProviderRoutes(app, ctx, {
    get publicUrl() {
      return env.config.publicUrl;
    },
    providers: () => paymentProviders(ctx) as TestProviders,
  });
}
