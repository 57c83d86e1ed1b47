// Which provider serves each method, per application context. The routes install them when the
// app is built (the test provider unless HANDLA_TEST_PAYMENTS=false); tests may install their own
// before calling the service. Kept beside the context rather than in it, since only this module
// uses them. A method without a provider is not offered: checkout refuses it before holding stock.
import { DomainError, isProviderlessMethod, type ProviderlessMethod } from '@handla/core';
import type { AppContext } from '../../context';
import type { PaymentMethod, PaymentProvider, PaymentProviders } from './payments.port';

type OnlineMethod = Exclude<PaymentMethod, ProviderlessMethod>;

const installed = new WeakMap<AppContext, Partial<PaymentProviders>>();

export function installPaymentProviders(ctx: AppContext, providers: Partial<PaymentProviders>): void {
  installed.set(ctx, providers);
}

/** The providers installed for `ctx`; throws when the payments module was not set up. */
export function paymentProviders(ctx: AppContext): Partial<PaymentProviders> {
  const providers = installed.get(ctx);
  if (!providers) throw new Error('No payment providers installed for this context');
  return providers;
}

/** Whether a checkout may use `method`: paying in the store or by invoice needs no provider. */
export function isPaymentMethodOffered(ctx: AppContext, method: PaymentMethod): boolean {
  return isProviderlessMethod(method) || paymentProviders(ctx)[method] !== undefined;
}

/** Refuses a method no provider serves, naming the request field, before anything is held. */
export function assertPaymentMethodOffered(ctx: AppContext, method: PaymentMethod): void {
  if (!isPaymentMethodOffered(ctx, method)) {
    throw new DomainError('validation_failed', `Paying by ${method} is not offered.`, [
      { field: 'payment.method', message: 'Not offered here; choose pay in store' },
    ]);
  }
}

export function providerFor(ctx: AppContext, method: OnlineMethod): PaymentProvider {
  const provider = paymentProviders(ctx)[method];
  // A payment made before its provider was switched off cannot be captured or refunded here.
  if (!provider) throw new DomainError('invalid_state', `No payment provider serves ${method}.`);
  return provider;
}
