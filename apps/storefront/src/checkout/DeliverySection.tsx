import type { ShippingMethod } from '@handla/api';
import type { Loaded } from '@handla/ui';
import { ErrorNotice, formatPrice, useLocale, useT } from '@handla/ui';
import { useEffect } from 'react';
import { useShop } from '../layout/ShopContext';
import { type CheckoutForm, countryName, methodsGoingTo } from './checkout-form';
import { TextField } from './TextField';

/**
 * Home delivery: the address (with a country select when the shop delivers to more than one) and
 * the shipping methods that go to that country, each with its price.
 */
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
  const shop = useShop();
  const countries = shop?.deliveryCountries ?? [];
  const country = form.country || shop?.country || 'SE';
  const offered = methodsGoingTo(methods.data?.items ?? [], country, shop?.shippingMethods ?? null);
  const isOffered = offered.some((m) => m.id === form.shippingMethodId);
  // The form starts without a country: it is the shop's own until the shopper picks another.
  useEffect(() => {
    if (!form.country && shop) set({ country: shop.country });
  }, [form.country, shop, set]);
  // A method chosen for another country does not go to this one.
  useEffect(() => {
    if (form.shippingMethodId && methods.data && shop && !isOffered) set({ shippingMethodId: '' });
  }, [form.shippingMethodId, methods.data, shop, isOffered, set]);
  const methodError = errorOf('fulfilment.shippingMethodId');
  const countryError = errorOf('fulfilment.address.country');
  return (
    <>
      {countries.length > 1 && (
        <div className="field">
          <label htmlFor="country">{t('shop.checkout.country')}</label>
          <select
            id="country"
            name="country"
            autoComplete="shipping country"
            value={country}
            onChange={(e) => set({ country: e.target.value })}
            aria-invalid={countryError ? true : undefined}
            aria-describedby={countryError ? 'country-error' : undefined}
          >
            {countries.map((code) => (
              <option key={code} value={code}>
                {countryName(code, locale)}
              </option>
            ))}
          </select>
          {countryError && (
            <p id="country-error" className="field-error">
              {countryError}
            </p>
          )}
        </div>
      )}
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
          {offered.map((m) => (
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
