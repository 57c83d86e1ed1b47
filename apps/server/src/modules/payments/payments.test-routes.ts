// Routes of the built-in test provider: its card fields (number → token), its confirmation page
// (3-D Secure, or the "shopper's Swish app" when no phone number decides) and the decision posted
// back. A real provider serves these pages itself; only the Swish callback route is ours for real.
import { TestCardBody, TestCardToken } from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { completePaymentAction, findPaymentForShopper } from './payments.callbacks';
import { tokenizeTestCard } from './test-provider/cards';
import { renderConfirmPage } from './test-provider/confirm-page';
import type { TestProviders } from './test-provider/index';

const tags = ['payments'];
const PaymentParams = z.strictObject({ paymentId: z.string().min(1).max(100) });
const DecisionBody = z.strictObject({ decision: z.enum(['approve', 'cancel']) });

// Only back to our own shop: a checkout's returnUrl comes from the client, and redirecting anywhere
// would make this page an open redirect (real PSPs restrict return URLs to the merchant's domains).
export function safeReturnUrl(returnUrl: string, publicUrl: string): string {
  try {
    return new URL(returnUrl).origin === new URL(publicUrl).origin ? returnUrl : `${publicUrl}/`;
  } catch {
    return `${publicUrl}/`;
  }
}

export function registerTestProviderRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  options: { publicUrl: string; providers: () => TestProviders },
) {
  // Encapsulated, so the form parser only applies to these routes.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post('/api/payments/test/card-tokens', {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The test provider's card fields: a test card number becomes a token (see docs/payments.md)",
        body: TestCardBody,
        response: { 201: TestCardToken },
      },
      handler: async (request, reply) =>
        reply.status(201).send({ token: tokenizeTestCard(request.body, ctx.clock()) }),
    });

    r.get('/api/payments/test/confirm/:paymentId', {
      config: { access: 'public' },
      schema: { tags, summary: "The test provider's confirmation page (HTML)", params: PaymentParams },
      handler: async (request, reply) => {
        const payment = await findPaymentForShopper(ctx, request.params.paymentId);
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(renderConfirmPage(payment, request.url));
      },
    });

    r.post('/api/payments/test/confirm/:paymentId', {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The decision from the test provider's confirmation page; redirects back to the shop",
        params: PaymentParams,
        body: DecisionBody,
      },
      handler: async (request, reply) => {
        const { paymentId } = request.params;
        const decision = request.body.decision === 'approve' ? 'approve' : 'decline';
        const payment = await findPaymentForShopper(ctx, paymentId);
        if (payment.method === 'swish') {
          // The shopper answered in the (simulated) app; Swish tells us by callback, as for real.
          if (payment.status === 'pending' && payment.providerReference && payment.callbackIdentifier) {
            options.providers().swish.shopperDecides(
              {
                reference: payment.providerReference,
                paymentId,
                amount: payment.amount,
                currency: payment.currency,
                description: payment.description,
                callbackIdentifier: payment.callbackIdentifier,
                createdAt: payment.createdAt,
              },
              decision,
            );
          }
          return reply.redirect(safeReturnUrl(payment.returnUrl, options.publicUrl), 303);
        }
        const { returnUrl } = await completePaymentAction(ctx, paymentId, { decision });
        return reply.redirect(safeReturnUrl(returnUrl, options.publicUrl), 303);
      },
    });
  });
}
