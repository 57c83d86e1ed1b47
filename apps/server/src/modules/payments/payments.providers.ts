// Which provider serves each method, per application context. The routes install them when the
// app is built (the test provider by default); tests may install their own before calling the
// service. Kept beside the context rather than in it, since only this module uses them.
import type { AppContext } from '../../context';
import type { PaymentMethod, PaymentProvider, PaymentProviders } from './payments.port';

const installed = new WeakMap<AppContext, PaymentProviders>();

export function installPaymentProviders(ctx: AppContext, providers: PaymentProviders): void {
  installed.set(ctx, providers);
}

/** The providers installed for `ctx`; throws when the payments module was not set up. */
export function paymentProviders(ctx: AppContext): PaymentProviders {
  const providers = installed.get(ctx);
  if (!providers) throw new Error('No payment providers installed for this context');
  return providers;
}

export function providerFor(ctx: AppContext, method: Exclude<PaymentMethod, 'in_store'>): PaymentProvider {
  return paymentProviders(ctx)[method];
}
