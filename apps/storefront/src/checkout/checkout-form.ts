// The checkout form as data: its state, the checks made before sending, the request body, and
// where each of the server's errors belongs. Pure, so it is tested without a browser.
import type { CheckoutBody, Problem } from '@handla/api';
import type { CartLine } from '../cart/cart';

export type FulfilmentKind = 'pickup' | 'delivery';
export type PaymentMethod = 'card' | 'klarna' | 'swish' | 'in_store' | 'invoice';

export interface CheckoutForm {
  name: string;
  email: string;
  phone: string;
  fulfilment: FulfilmentKind;
  storeId: string;
  /** An offered slot's `startsAt`, "asap", or '' before one is chosen. */
  slot: string;
  street: string;
  postalCode: string;
  city: string;
  /** The delivery address's country (ISO 3166-1); '' until the shop is known (its own country). */
  country: string;
  shippingMethodId: string;
  payment: PaymentMethod;
  cardNumber: string;
  cardExpiry: string;
  cardCvc: string;
  swishPhone: string;
}

export const EMPTY_FORM: CheckoutForm = {
  name: '',
  email: '',
  phone: '',
  fulfilment: 'pickup',
  storeId: '',
  slot: '',
  street: '',
  postalCode: '',
  city: '',
  country: '',
  shippingMethodId: '',
  payment: 'card',
  cardNumber: '',
  cardExpiry: '',
  cardCvc: '',
  swishPhone: '',
};

/** Why a field was refused before sending; the page words it in the shopper's language. */
export type LocalProblem =
  | 'required'
  | 'email'
  | 'phone'
  | 'cardNumber'
  | 'cardExpiry'
  | 'cardCvc'
  | 'postalCode'
  | 'postalCode4';

/** Field errors keyed by the server's field names (`customer.email`, `fulfilment.slot`, `card.number`…). */
export type FieldProblems = Record<string, LocalProblem>;

const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Postal codes where the format is simple: Sweden "123 45", Finland and Germany five digits,
// Denmark and Norway four. Elsewhere the carrier checks them.
const POSTAL_CODES: Record<string, { pattern: RegExp; problem: LocalProblem }> = {
  SE: { pattern: /^\d{3}\s?\d{2}$/, problem: 'postalCode' },
  FI: { pattern: /^\d{5}$/, problem: 'postalCode' },
  DE: { pattern: /^\d{5}$/, problem: 'postalCode' },
  DK: { pattern: /^\d{4}$/, problem: 'postalCode4' },
  NO: { pattern: /^\d{4}$/, problem: 'postalCode4' },
};

/** Why a postal code is wrong for the country (Sweden when none is chosen), or null when it may be right. */
export function postalCodeProblem(postalCode: string, country: string): LocalProblem | null {
  const rule = POSTAL_CODES[country || 'SE'];
  return rule && !rule.pattern.test(postalCode.trim()) ? rule.problem : null;
}

/** A country's name in the shopper's language (`Intl.DisplayNames`); the code itself if unknown. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The shipping methods that go to `country`, by each method's `countries` as the shop lists them
 * (GET /api/shop); all of them while the shop has not loaded (`shopMethods` null).
 */
export function methodsGoingTo<M extends { id: string }>(
  methods: readonly M[],
  country: string,
  shopMethods: readonly { id: string; countries: string[] }[] | null,
): M[] {
  if (!shopMethods) return [...methods];
  const where = new Map(shopMethods.map((m) => [m.id, m.countries]));
  return methods.filter((m) => where.get(m.id)?.includes(country) ?? false);
}

/** The card number's digits; spaces and dashes are how people type it. */
export const cardDigits = (number: string) => number.replace(/[\s-]/g, '');

/**
 * The payment methods to offer: paying in the store only for a pickup at a store that takes it,
 * invoice only to a signed-in shopper the server says may use it (a company, or a consumer where allowed).
 */
export function offeredPaymentMethods(
  fulfilment: FulfilmentKind,
  payInStoreAllowed: boolean,
  canPayByInvoice = false,
): PaymentMethod[] {
  const methods: PaymentMethod[] =
    fulfilment === 'pickup' && payInStoreAllowed
      ? ['card', 'klarna', 'swish', 'in_store']
      : ['card', 'klarna', 'swish'];
  return canPayByInvoice ? [...methods, 'invoice'] : methods;
}

/** Checks what can be checked here, so the shopper hears about a typo before anything is sent. */
export function validateCheckout(form: CheckoutForm): FieldProblems {
  const problems: FieldProblems = {};
  const need = (field: string, value: string) => {
    if (value.trim() === '') problems[field] = 'required';
  };
  need('customer.name', form.name);
  need('customer.email', form.email);
  if (form.email.trim() && !EMAIL.test(form.email.trim())) problems['customer.email'] = 'email';
  if (form.phone.trim() && !PHONE.test(form.phone.trim())) problems['customer.phone'] = 'phone';
  if (form.fulfilment === 'pickup') {
    need('fulfilment.storeId', form.storeId);
    need('fulfilment.slot', form.slot);
  } else {
    need('fulfilment.address.street', form.street);
    need('fulfilment.address.postalCode', form.postalCode);
    const postal = form.postalCode.trim() ? postalCodeProblem(form.postalCode, form.country) : null;
    if (postal) problems['fulfilment.address.postalCode'] = postal;
    need('fulfilment.address.city', form.city);
    need('fulfilment.shippingMethodId', form.shippingMethodId);
  }
  if (form.payment === 'card') {
    if (!/^\d{12,19}$/.test(cardDigits(form.cardNumber))) problems['card.number'] = 'cardNumber';
    if (!/^(0[1-9]|1[0-2])\s?\/\s?\d{2}$/.test(form.cardExpiry.trim()))
      problems['card.expiry'] = 'cardExpiry';
    if (!/^\d{3,4}$/.test(form.cardCvc.trim())) problems['card.cvc'] = 'cardCvc';
  }
  if (form.payment === 'swish' && form.swishPhone.trim() && !PHONE.test(form.swishPhone.trim())) {
    problems['payment.phone'] = 'phone';
  }
  return problems;
}

/** The request body; `cardToken` comes from the payment provider's card fields. */
export function buildCheckoutBody(input: {
  checkoutId: string;
  locale: 'sv' | 'en';
  form: CheckoutForm;
  lines: readonly CartLine[];
  cardToken?: string;
  /** The shop's own country: the address's country when the form has none chosen; Sweden when not given. */
  country?: string;
  /** The discount code applied in the cart. */
  couponCode?: string | null;
}): CheckoutBody {
  const { form } = input;
  const phone = form.phone.trim();
  let payment: CheckoutBody['payment'];
  if (form.payment === 'card') payment = { method: 'card', cardToken: input.cardToken ?? '' };
  else if (form.payment === 'swish') {
    const swishPhone = form.swishPhone.trim();
    payment = swishPhone ? { method: 'swish', phone: swishPhone } : { method: 'swish' };
  } else payment = { method: form.payment };
  return {
    checkoutId: input.checkoutId,
    locale: input.locale,
    customer: { name: form.name.trim(), email: form.email.trim(), ...(phone ? { phone } : {}) },
    lines: input.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity, unitPrice: l.unitPrice })),
    fulfilment:
      form.fulfilment === 'pickup'
        ? { kind: 'pickup', storeId: form.storeId, slot: form.slot }
        : {
            kind: 'delivery',
            shippingMethodId: form.shippingMethodId,
            address: {
              name: form.name.trim(),
              street: form.street.trim(),
              postalCode: form.postalCode.trim(),
              city: form.city.trim(),
              country: form.country || input.country || 'SE',
            },
          },
    payment,
    ...(input.couponCode ? { couponCode: input.couponCode } : {}),
  };
}

/** The parts of the page that show errors. */
export type ErrorPlace = 'contact' | 'fulfilment' | 'slot' | 'payment' | 'lines' | 'general';

// Refusals the server names by code alone; each goes where the shopper can act on it.
const PLACE_OF_CODE: Record<string, ErrorPlace> = {
  price_changed: 'lines',
  insufficient_stock: 'lines',
  sku_unavailable: 'lines',
  slot_full: 'slot',
  slot_unavailable: 'slot',
  slot_in_past: 'slot',
  payment_declined: 'payment',
  payment_failed: 'payment',
  card_declined: 'payment',
  pay_in_store_not_allowed: 'payment',
  credit_limit_exceeded: 'payment',
  coupon_limit_reached: 'lines',
};

/** Where a server field error is shown. */
export function placeOfField(field: string): ErrorPlace {
  if (field.startsWith('customer')) return 'contact';
  if (field === 'fulfilment.slot') return 'slot';
  if (field.startsWith('fulfilment')) return 'fulfilment';
  if (
    field.startsWith('payment') ||
    field.startsWith('card') ||
    ['number', 'expiry', 'cvc'].includes(field)
  ) {
    return 'payment';
  }
  if (field.startsWith('lines') || field === 'couponCode') return 'lines';
  return 'general';
}

/** Where a refused checkout's problem is shown: by its code first, else by its first field. */
export function placeOfProblem(problem: Problem): ErrorPlace {
  const byCode = PLACE_OF_CODE[problem.code];
  if (byCode) return byCode;
  const first = problem.errors[0];
  return first ? placeOfField(first.field) : 'general';
}

/** A client-made checkout id: the same id on a retry makes the server return the first order. */
export function newCheckoutId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `chk_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
