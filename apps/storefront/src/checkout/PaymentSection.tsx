import type { MessageKey } from '@handla/ui';
import { useT } from '@handla/ui';
import type { CheckoutForm, PaymentMethod } from './checkout-form';
import { TextField } from './TextField';

const METHOD_LABELS: Record<PaymentMethod, MessageKey> = {
  card: 'shop.pay.card',
  klarna: 'shop.pay.klarna',
  swish: 'shop.pay.swish',
  in_store: 'shop.pay.inStore',
  invoice: 'shop.pay.invoice',
};

/** True on a touch phone, where Swish opens the app; on a computer a QR code is scanned instead. */
export function isPhone(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
}

/** How to pay: card fields (turned into a token before sending), Klarna, Swish, in the store or by invoice. */
export function PaymentSection({
  form,
  methods,
  set,
  errorOf,
  generalError,
  isPaidByVouchers = false,
}: {
  form: CheckoutForm;
  /** The methods on offer (see `offeredPaymentMethods`). */
  methods: readonly PaymentMethod[];
  set: (patch: Partial<CheckoutForm>) => void;
  errorOf: (field: string) => string | undefined;
  /** A refusal of the payment as a whole, e.g. a declined card. */
  generalError?: string;
  /** The chosen vouchers pay the whole order: nothing is charged, so no card details are asked. */
  isPaidByVouchers?: boolean;
}) {
  const t = useT();
  const phone = isPhone();
  return (
    <>
      <fieldset className="stack-tight">
        <legend>{t('shop.checkout.paymentMethod')}</legend>
        <div className="choice-list">
          {methods.map((m) => (
            <label key={m} className="choice">
              <input
                type="radio"
                name="payment-method"
                value={m}
                checked={form.payment === m}
                onChange={() => set({ payment: m })}
              />
              <span>{t(METHOD_LABELS[m])}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {isPaidByVouchers && <p className="muted">{t('shop.pay.vouchersCoverAll')}</p>}
      {form.payment === 'card' && !isPaidByVouchers && (
        <div className="stack-tight card-fields">
          <TextField
            id="card-number"
            label={t('shop.pay.cardNumber')}
            autoComplete="cc-number"
            inputMode="numeric"
            value={form.cardNumber}
            onChange={(cardNumber) => set({ cardNumber })}
            error={errorOf('card.number')}
            required
          />
          <div className="field-row">
            <TextField
              id="card-expiry"
              label={t('shop.pay.cardExpiry')}
              hint={t('shop.pay.cardExpiryHint')}
              autoComplete="cc-exp"
              inputMode="numeric"
              value={form.cardExpiry}
              onChange={(cardExpiry) => set({ cardExpiry })}
              error={errorOf('card.expiry')}
              required
            />
            <TextField
              id="card-cvc"
              label={t('shop.pay.cardCvc')}
              autoComplete="cc-csc"
              inputMode="numeric"
              value={form.cardCvc}
              onChange={(cardCvc) => set({ cardCvc })}
              error={errorOf('card.cvc')}
              required
            />
          </div>
          <details className="test-cards">
            <summary>{t('shop.pay.testCards')}</summary>
            <ul>
              <li>
                <code>4111 1111 1111 1111</code> {t('shop.pay.testApprove')}
              </li>
              <li>
                <code>4000 0000 0000 0002</code> {t('shop.pay.testDecline')}
              </li>
              <li>
                <code>4000 0000 0000 3220</code> {t('shop.pay.testConfirm')}
              </li>
            </ul>
          </details>
        </div>
      )}
      {form.payment === 'klarna' && <p className="muted">{t('shop.pay.klarnaInfo')}</p>}
      {form.payment === 'swish' &&
        (phone ? (
          <TextField
            id="swish-phone"
            type="tel"
            label={t('shop.pay.swishPhone')}
            hint={t('shop.pay.swishPhoneHint')}
            autoComplete="tel"
            value={form.swishPhone}
            onChange={(swishPhone) => set({ swishPhone })}
            error={errorOf('payment.phone')}
          />
        ) : (
          <p className="muted">{t('shop.pay.swishQrInfo')}</p>
        ))}
      {form.payment === 'in_store' && <p className="muted">{t('shop.pay.inStoreInfo')}</p>}
      {form.payment === 'invoice' && <p className="muted">{t('shop.pay.invoiceInfo')}</p>}
      {generalError && (
        <p className="field-error" id="payment-error">
          {generalError}
        </p>
      )}
    </>
  );
}
