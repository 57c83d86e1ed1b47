// Where the checkout shows each error, in which words: ours for what we checked and for refusals
// we know by code, the server's field messages for validation errors.
import type { Problem } from '@handla/api';
import { useLocalized, useT } from '@handla/ui';
import type { CartLine } from '../cart/cart';
import { type ErrorPlace, type FieldProblems, placeOfField, placeOfProblem } from './checkout-form';
import { hasOwnText, localProblemText, problemText } from './problems';

// Where focus goes for the first field in error.
export const FOCUS_TARGET: Record<string, string> = {
  'customer.name': '#name',
  'customer.email': '#email',
  'customer.phone': '#phone',
  'fulfilment.storeId': '[name="pickup-store"]',
  'fulfilment.slot': '#slot-error',
  'fulfilment.address.street': '#street',
  'fulfilment.address.postalCode': '#postal-code',
  'fulfilment.address.city': '#city',
  'fulfilment.shippingMethodId': '[name="shipping-method"]',
  'card.number': '#card-number',
  'card.expiry': '#card-expiry',
  'card.cvc': '#card-cvc',
  'payment.phone': '#swish-phone',
  couponCode: '#coupon-code',
};

/** `errorOf(field)` for an input, `messagesAt(place)` for a section's own error block. */
export function useCheckoutErrors(problem: Problem | null, local: FieldProblems, lines: readonly CartLine[]) {
  const t = useT();
  const localized = useLocalized();
  const lineName = (field: string) => {
    const index = Number(field.match(/^lines(?:\.|\[)(\d+)/)?.[1]);
    const line = Number.isInteger(index) ? lines[index] : undefined;
    return line ? `${localized(line.productName)}: ` : '';
  };
  // For refusals we have our own words (slot_full, payment_declined…) those replace the server's
  // English field messages; for validation errors the server's message is the most precise.
  const ownWords = problem !== null && hasOwnText(problem);
  const errorOf = (field: string): string | undefined => {
    const mine = local[field];
    if (mine) return localProblemText(t, mine);
    const theirs = problem?.errors.find((e) => e.field === field);
    if (!theirs) return undefined;
    return ownWords ? problemText(t, problem!) : theirs.message;
  };
  // The server's words for a part of the page: the refusal's own text, and field errors no input shows.
  const messagesAt = (place: ErrorPlace): string[] => {
    if (!problem) return [];
    const loose = problem.errors.filter((e) => !FOCUS_TARGET[e.field] && placeOfField(e.field) === place);
    const details = ownWords
      ? affected(loose.map((e) => e.field))
      : loose.map((e) => `${lineName(e.field)}${e.message}`);
    if (FOCUS_TARGET[problem.errors[0]?.field ?? '']) return details;
    return placeOfProblem(problem) === place ? [problemText(t, problem), ...details] : details;
  };
  // "Gäller: Cardigan Ull" under a refusal about some of the lines.
  const affected = (fields: string[]) => {
    const names = fields.map((f) => lineName(f).replace(/: $/, '')).filter(Boolean);
    return names.length > 0 ? [t('shop.problem.affects', { names: [...new Set(names)].join(', ') })] : [];
  };

  return { errorOf, messagesAt };
}
