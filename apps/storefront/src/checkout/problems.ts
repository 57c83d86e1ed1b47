// The checkout's error texts: problems found before sending, and the server's refusals by code.
import { ApiError, type Problem } from '@handla/api';
import type { MessageKey, Translate } from '@handla/ui';
import type { LocalProblem } from './checkout-form';

const LOCAL_KEYS: Record<LocalProblem, MessageKey> = {
  required: 'shop.problem.required',
  email: 'shop.problem.email',
  phone: 'shop.problem.phone',
  cardNumber: 'shop.problem.cardNumber',
  cardExpiry: 'shop.problem.cardExpiry',
  cardCvc: 'shop.problem.cardCvc',
  postalCode: 'shop.problem.postalCode',
  postalCode4: 'shop.problem.postalCode4',
};

const CODE_KEYS: Record<string, MessageKey> = {
  price_changed: 'shop.problem.price_changed',
  insufficient_stock: 'shop.problem.insufficient_stock',
  sku_unavailable: 'shop.problem.sku_unavailable',
  slot_full: 'shop.problem.slot_full',
  slot_unavailable: 'shop.problem.slot_unavailable',
  slot_in_past: 'shop.problem.slot_unavailable',
  payment_declined: 'shop.problem.payment_declined',
  payment_failed: 'shop.problem.payment_failed',
  card_declined: 'shop.problem.payment_declined',
  pay_in_store_not_allowed: 'shop.problem.pay_in_store_not_allowed',
  credit_limit_exceeded: 'shop.problem.credit_limit_exceeded',
  validation_failed: 'shop.problem.validation_failed',
  coupon_limit_reached: 'shop.promo.usedUp',
};

/** The words for a problem found before sending. */
export function localProblemText(t: Translate, problem: LocalProblem): string {
  return t(LOCAL_KEYS[problem]);
}

/** Whether we word this refusal ourselves (the server's field messages are then left out). */
export function hasOwnText(problem: Problem): boolean {
  return problem.code !== 'validation_failed' && CODE_KEYS[problem.code] !== undefined;
}

/** The words for a refused checkout: ours for the codes we know, else the server's title. */
export function problemText(t: Translate, problem: Problem): string {
  const key = CODE_KEYS[problem.code];
  return key ? t(key) : (problem.detail ?? problem.title);
}

// The card-token endpoint names its own fields; the page knows them as card.*.
const CARD_FIELDS = new Set(['number', 'expiry', 'cvc']);

/** The problem of a failed card-token call with its fields named as the page knows them. */
export function cardTokenProblem(error: ApiError): Problem {
  return {
    ...error.problem,
    errors: error.problem.errors.map((e) =>
      CARD_FIELDS.has(e.field) ? { ...e, field: `card.${e.field}` } : e,
    ),
  };
}

/** The problem document of an error, or null when the server never answered. */
export function problemOf(error: unknown): Problem | null {
  return error instanceof ApiError ? error.problem : null;
}
