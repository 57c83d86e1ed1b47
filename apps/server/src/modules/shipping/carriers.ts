// Which adapter books for each carrier, per application context. The routes install the built-in
// demo carrier as the fallback for every carrier; a real adapter (an nShift client, say) is
// installed by carrier name beside it, and tests may install their own.
import type { AppContext } from '../../context';
import type { CarrierPort } from './carrier.port';

interface InstalledCarriers {
  byCarrier: Record<string, CarrierPort>;
  fallback: CarrierPort | null;
}

const installed = new WeakMap<AppContext, InstalledCarriers>();

export function installCarriers(
  ctx: AppContext,
  carriers: { byCarrier?: Record<string, CarrierPort>; fallback?: CarrierPort | null },
): void {
  installed.set(ctx, { byCarrier: carriers.byCarrier ?? {}, fallback: carriers.fallback ?? null });
}

/** The adapter for `carrier` (a shipping method's carrier name), else the fallback. */
export function carrierFor(ctx: AppContext, carrier: string): CarrierPort {
  const carriers = installed.get(ctx);
  const port = carriers?.byCarrier[carrier] ?? carriers?.fallback;
  if (!port) throw new Error(`No carrier adapter installed for ${carrier}`);
  return port;
}
