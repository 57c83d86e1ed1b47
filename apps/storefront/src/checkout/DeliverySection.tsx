import type { ShippingMethod } from '@handla/api';
import type { Loaded } from '@handla/ui';
import { ErrorNotice, formatPrice, useLocale, useT } from '@handla/ui';
import type { CheckoutForm } from './checkout-form';
import { TextField } from './TextField';

/** Home delivery: the address and a shipping method with its price. */
export function DeliverySection({
  form,
  set,
  errorOf,
  methods,
}: {
  form: CheckoutForm;
  set: (patch: Partial<CheckoutForm>) => void;
  errorOf: (field: string) => string | undefined;
  methods: Loaded<{ items: ShippingMethod[] }>;
}) {
  const t = useT();
  const { locale } = useLocale();
  const methodError = errorOf('fulfilment.shippingMethodId');
  return (
    <>
      <TextField
        id="street"
        label={t('shop.checkout.street')}
        autoComplete="shipping street-address"
        value={form.street}
        onChange={(street) => set({ street })}
        error={errorOf('fulfilment.address.street')}
        required
      />
      <div className="field-row">
        <TextField
          id="postal-code"
          label={t('shop.checkout.postalCode')}
          autoComplete="shipping postal-code"
          inputMode="numeric"
          value={form.postalCode}
          onChange={(postalCode) => set({ postalCode })}
          error={errorOf('fulfilment.address.postalCode')}
          required
        />
        <TextField
          id="city"
          label={t('shop.checkout.city')}
          autoComplete="shipping address-level2"
          value={form.city}
          onChange={(city) => set({ city })}
          error={errorOf('fulfilment.address.city')}
          required
        />
      </div>
      <fieldset className="stack-tight">
        <legend>{t('shop.checkout.shippingMethod')}</legend>
        {methods.loading && <p className="muted">{t('common.loading')}</p>}
        {methods.error !== null && <ErrorNotice error={methods.error} onRetry={methods.reload} />}
        <div className="choice-list">
          {methods.data?.items.map((m) => (
            <label key={m.id} className="choice">
              <input
                type="radio"
                name="shipping-method"
                value={m.id}
                checked={form.shippingMethodId === m.id}
                onChange={() => set({ shippingMethodId: m.id })}
              />
              <span>
                <strong>{m.name}</strong> · {formatPrice(m.price, locale)}
                <span className="muted choice-detail">{m.description}</span>
              </span>
            </label>
          ))}
        </div>
        {methodError && <p className="field-error">{methodError}</p>}
      </fieldset>
    </>
  );
}
