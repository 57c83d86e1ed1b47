import { describe, expect, it } from 'vitest';
import type { CartLine } from '../cart/cart';
import {
  buildCheckoutBody,
  type CheckoutForm,
  countryName,
  EMPTY_FORM,
  methodsGoingTo,
  newCheckoutId,
  offeredPaymentMethods,
  placeOfField,
  placeOfProblem,
  postalCodeProblem,
  validateCheckout,
} from './checkout-form';

const filled: CheckoutForm = {
  ...EMPTY_FORM,
  name: ' Anna Andersson ',
  email: 'anna@example.se',
  storeId: 'sto_gbg',
  slot: '2026-11-23T13:30:00.000Z',
  cardNumber: '4111 1111 1111 1111',
  cardExpiry: '12/30',
  cardCvc: '123',
};
const lines: CartLine[] = [
  {
    skuId: 'sku_1',
    quantity: 2,
    unitPrice: 19900,
    currency: 'SEK',
    productSlug: 't',
    productName: { sv: 'T', en: 'T' },
    variantName: null,
    imageUrl: null,
  },
];

describe('the checkout form', () => {
  it('accepts a complete pickup order paid by card', () => {
    expect(validateCheckout(filled)).toEqual({});
  });

  it('names each missing or malformed field by the server’s field name', () => {
    expect(validateCheckout(EMPTY_FORM)).toEqual({
      'customer.name': 'required',
      'customer.email': 'required',
      'fulfilment.storeId': 'required',
      'fulfilment.slot': 'required',
      'card.number': 'cardNumber',
      'card.expiry': 'cardExpiry',
      'card.cvc': 'cardCvc',
    });
    const delivery = {
      ...filled,
      fulfilment: 'delivery' as const,
      postalCode: '4111',
      email: 'anna@',
      phone: 'x',
    };
    expect(validateCheckout(delivery)).toEqual({
      'customer.email': 'email',
      'customer.phone': 'phone',
      'fulfilment.address.street': 'required',
      'fulfilment.address.postalCode': 'postalCode',
      'fulfilment.address.city': 'required',
      'fulfilment.shippingMethodId': 'required',
    });
    expect(validateCheckout({ ...filled, payment: 'klarna', cardNumber: '' })).toEqual({});
  });

  it('builds the contract’s body with the prices the shopper was shown', () => {
    const body = buildCheckoutBody({
      checkoutId: 'chk_12345678',
      locale: 'sv',
      form: filled,
      lines,
      cardToken: 'tok_1',
    });
    expect(body).toEqual({
      checkoutId: 'chk_12345678',
      locale: 'sv',
      customer: { name: 'Anna Andersson', email: 'anna@example.se' },
      lines: [{ skuId: 'sku_1', quantity: 2, unitPrice: 19900 }],
      fulfilment: { kind: 'pickup', storeId: 'sto_gbg', slot: '2026-11-23T13:30:00.000Z' },
      payment: { method: 'card', cardToken: 'tok_1' },
    });
    const delivered = buildCheckoutBody({
      checkoutId: 'chk_12345678',
      locale: 'en',
      form: {
        ...filled,
        fulfilment: 'delivery',
        street: 'Gatan 1',
        postalCode: '411 01',
        city: 'Göteborg',
        shippingMethodId: 'shp_1',
        payment: 'swish',
        swishPhone: '0701234567',
      },
      lines,
    });
    expect(delivered.fulfilment).toEqual({
      kind: 'delivery',
      shippingMethodId: 'shp_1',
      address: {
        name: 'Anna Andersson',
        street: 'Gatan 1',
        postalCode: '411 01',
        city: 'Göteborg',
        country: 'SE',
      },
    });
    expect(delivered.payment).toEqual({ method: 'swish', phone: '0701234567' });
  });

  it('puts the server’s refusals where the shopper can act on them', () => {
    const problem = (code: string, field?: string) => ({
      type: 'x',
      title: 'x',
      status: 409,
      code,
      errors: field ? [{ field, message: 'm' }] : [],
    });
    expect(placeOfProblem(problem('slot_full'))).toBe('slot');
    expect(placeOfProblem(problem('price_changed', 'lines.0.unitPrice'))).toBe('lines');
    expect(placeOfProblem(problem('payment_declined'))).toBe('payment');
    expect(placeOfProblem(problem('validation_failed', 'customer.email'))).toBe('contact');
    expect(placeOfProblem(problem('validation_failed', 'fulfilment.address.city'))).toBe('fulfilment');
    expect(placeOfProblem(problem('something_new'))).toBe('general');
    expect(placeOfField('number')).toBe('payment');
  });

  it('makes checkout ids the contract accepts, a new one each time', () => {
    const id = newCheckoutId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(newCheckoutId()).not.toBe(id);
  });
});

describe('offeredPaymentMethods', () => {
  it('offers paying in the store only for a pickup at a store that takes it', () => {
    expect(offeredPaymentMethods('pickup', true)).toEqual(['card', 'klarna', 'swish', 'in_store']);
    expect(offeredPaymentMethods('pickup', false)).toEqual(['card', 'klarna', 'swish']);
    expect(offeredPaymentMethods('delivery', true)).toEqual(['card', 'klarna', 'swish']);
  });

  it('offers invoice only to a shopper allowed to pay by invoice, and puts its refusal at the payment', () => {
    expect(offeredPaymentMethods('delivery', false, true)).toEqual(['card', 'klarna', 'swish', 'invoice']);
    expect(offeredPaymentMethods('pickup', true, false)).not.toContain('invoice');
    const refusal = {
      type: 'x',
      title: 'x',
      status: 409,
      code: 'credit_limit_exceeded',
      errors: [{ field: 'creditLimit', message: 'm' }],
    };
    expect(placeOfProblem(refusal)).toBe('payment');
  });
});

describe('delivery abroad', () => {
  const abroad: CheckoutForm = {
    ...filled,
    fulfilment: 'delivery',
    street: 'Mannerheimintie 1',
    postalCode: '00100',
    city: 'Helsinki',
    shippingMethodId: 'shm_postnord_home',
  };

  it('checks the postal code by the chosen country: SE 123 45, FI/DE five digits, DK/NO four, else free', () => {
    expect(postalCodeProblem('411 01', 'SE')).toBeNull();
    expect(postalCodeProblem('41101', '')).toBeNull();
    expect(postalCodeProblem('4110', 'SE')).toBe('postalCode');
    expect(postalCodeProblem('00100', 'FI')).toBeNull();
    expect(postalCodeProblem('001 00', 'FI')).toBe('postalCode');
    expect(postalCodeProblem('10115', 'DE')).toBeNull();
    expect(postalCodeProblem('2100', 'DK')).toBeNull();
    expect(postalCodeProblem('21000', 'DK')).toBe('postalCode4');
    expect(postalCodeProblem('0150', 'NO')).toBeNull();
    expect(postalCodeProblem('D02 X285', 'IE')).toBeNull();
    expect(validateCheckout({ ...abroad, country: 'FI' })).toEqual({});
    expect(validateCheckout({ ...abroad, country: 'DK' })).toEqual({
      'fulfilment.address.postalCode': 'postalCode4',
    });
  });

  it("sends the chosen country, else the shop's own", () => {
    const body = (form: CheckoutForm, country?: string) =>
      buildCheckoutBody({
        checkoutId: 'chk_12345678',
        locale: 'sv',
        form,
        lines,
        ...(country ? { country } : {}),
      });
    const addressOf = (b: ReturnType<typeof body>) =>
      b.fulfilment.kind === 'delivery' ? b.fulfilment.address : null;
    expect(addressOf(body({ ...abroad, country: 'FI' }, 'SE'))?.country).toBe('FI');
    expect(addressOf(body(abroad, 'FI'))?.country).toBe('FI');
    expect(addressOf(body(abroad))?.country).toBe('SE');
  });

  it('offers only the methods that go to the country; all of them until the shop has loaded', () => {
    const methods = [{ id: 'home' }, { id: 'express' }];
    const shopMethods = [
      { id: 'home', countries: ['SE', 'FI'] },
      { id: 'express', countries: ['SE'] },
    ];
    expect(methodsGoingTo(methods, 'FI', shopMethods).map((m) => m.id)).toEqual(['home']);
    expect(methodsGoingTo(methods, 'SE', shopMethods).map((m) => m.id)).toEqual(['home', 'express']);
    expect(methodsGoingTo(methods, 'DK', shopMethods)).toEqual([]);
    expect(methodsGoingTo(methods, 'DK', null)).toEqual(methods);
  });

  it('names countries in the shopper’s language', () => {
    expect(countryName('FI', 'sv')).toBe('Finland');
    expect(countryName('DK', 'sv')).toBe('Danmark');
    expect(countryName('DE', 'en')).toBe('Germany');
  });
});
