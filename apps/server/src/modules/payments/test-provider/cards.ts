// The test provider's card numbers and its stand-in for a PSP's hosted card fields: the number
// becomes an opaque token and card data never reaches the order. Test numbers (as in PSP sandboxes):
//   4111 1111 1111 1111  approved
//   4000 0000 0000 0002  declined
//   4000 0000 0000 3220  needs a confirmation step (3-D Secure) before it is approved
import { DomainError } from '@handla/core';
import { providerReference } from './memory';

export type TestCardOutcome = 'approve' | 'decline' | 'challenge';

export const TEST_CARDS: Record<string, TestCardOutcome> = {
  '4111111111111111': 'approve',
  '4000000000000002': 'decline',
  '4000000000003220': 'challenge',
};

const TOKEN_PATTERN = /^tok_test_(approve|decline|challenge)_[0-9A-F]{16}$/;

export interface CardFields {
  number: string;
  /** MM/YY */
  expiry: string;
  cvc: string;
}

/** Turns test card fields into a token, or refuses with field errors (changes nothing). */
export function tokenizeTestCard(card: CardFields, now: Date): string {
  const errors: { field: string; message: string }[] = [];
  const number = card.number.replace(/[\s-]/g, '');
  const outcome = TEST_CARDS[number];
  if (!outcome) {
    errors.push({ field: 'number', message: 'Not a test card number; see docs/payments.md' });
  }
  const expiry = /^(0[1-9]|1[0-2])\/(\d{2})$/.exec(card.expiry.trim());
  if (!expiry) {
    errors.push({ field: 'expiry', message: 'Month and year as MM/YY' });
  } else {
    // A card is valid through the last day of its expiry month.
    const endOfMonth = Date.UTC(2000 + Number(expiry[2]), Number(expiry[1]), 1);
    if (endOfMonth <= now.getTime()) errors.push({ field: 'expiry', message: 'The card has expired' });
  }
  if (!/^\d{3,4}$/.test(card.cvc)) errors.push({ field: 'cvc', message: '3 or 4 digits' });
  if (errors.length > 0 || !outcome) {
    throw new DomainError('validation_failed', 'The card details are not accepted.', errors);
  }
  return `tok_test_${outcome}_${providerReference('', 8)}`;
}

/** What the card behind a token does, or null for a token the test provider never issued. */
export function outcomeOfToken(token: string): TestCardOutcome | null {
  const match = TOKEN_PATTERN.exec(token);
  return match ? (match[1] as TestCardOutcome) : null;
}
