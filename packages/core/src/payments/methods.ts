// How each payment method behaves, from the providers' public documentation. The service reads
// this to decide which operations call the provider and what "release the rest" means.

/** The ways a shopper can pay a web order. */
export const PAYMENT_METHODS = ['card', 'klarna', 'swish', 'in_store', 'invoice'] as const;
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
};

/** Methods no online provider serves: nothing is called at checkout, capture, refund or release. */
export const isProviderlessMethod = (method: PaymentMethod): method is 'in_store' | 'invoice' =>
  method === 'in_store' || method === 'invoice';
