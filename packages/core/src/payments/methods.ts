// How each payment method behaves, from the providers' public documentation. The service reads
// this to decide which operations call the provider and what "release the rest" means.

/** The ways a shopper can pay a web order. */
export const PAYMENT_METHODS = [
  'card',
  'klarna',
  'swish',
  'in_store',
  'invoice',
  'prepaid_external',
  'voucher',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** What a method supports. */
export interface PaymentMethodRules {
  /** Money is held at checkout and moves only when captured (card, Klarna). */
  isAuthorizeThenCapture: boolean;
  /** A capture is a call to the provider; false where the money already moved (Swish). */
  doesCaptureCallProvider: boolean;
  /**
   * How the uncaptured rest goes back: 'release' cancels the hold (card cancel, Klarna
   * release-remaining-authorization); 'refund' sends it back with a refund request, because
   * Swish has no hold to release — the shopper already paid; 'none' for pay in store and invoice.
   */
  releaseBy: 'release' | 'refund' | 'none';
}

export const PAYMENT_METHOD_RULES: Record<PaymentMethod, PaymentMethodRules> = {
  card: { isAuthorizeThenCapture: true, doesCaptureCallProvider: true, releaseBy: 'release' },
  klarna: { isAuthorizeThenCapture: true, doesCaptureCallProvider: true, releaseBy: 'release' },
  swish: { isAuthorizeThenCapture: false, doesCaptureCallProvider: false, releaseBy: 'refund' },
  in_store: { isAuthorizeThenCapture: false, doesCaptureCallProvider: false, releaseBy: 'none' },
  // The invoice (modules/invoices) is the claim: captures at shipment or hand-over are bookkeeping.
  invoice: { isAuthorizeThenCapture: false, doesCaptureCallProvider: false, releaseBy: 'none' },
  // A marketplace took the whole order total (an API order): captures are bookkeeping, and what is
  // not delivered or comes back is refunded by the marketplace, so the rest goes back as a refund.
  prepaid_external: { isAuthorizeThenCapture: false, doesCaptureCallProvider: false, releaseBy: 'refund' },
  // A loyalty voucher at the web checkout (docs/loyalty.md): used up when the order is written, so
  // its part holds from the start; captures are bookkeeping, and what is released or refunded goes
  // back to the shopper as a voucher (modules/loyalty), never through a provider.
  voucher: { isAuthorizeThenCapture: false, doesCaptureCallProvider: false, releaseBy: 'none' },
};

/** The methods no online provider of ours serves. */
export const PROVIDERLESS_METHODS = ['in_store', 'invoice', 'prepaid_external', 'voucher'] as const;
export type ProviderlessMethod = (typeof PROVIDERLESS_METHODS)[number];

/** Methods no online provider serves: nothing is called at checkout, capture, refund or release. */
export const isProviderlessMethod = (method: PaymentMethod): method is ProviderlessMethod =>
  (PROVIDERLESS_METHODS as readonly string[]).includes(method);

/** Money a marketplace took and refunds itself (an API order paid there): we only record it. */
export const isExternallySettledMethod = (method: PaymentMethod): method is 'prepaid_external' =>
  method === 'prepaid_external';
