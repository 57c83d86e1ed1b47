// The cashier's notice rendered in both languages: a refusal names the credit limit and what is
// left (sv-SE amounts) as an alert; offline says the limit was not checked.
import { I18nProvider, type Locale } from '@handla/ui';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InvoiceCreditNotice } from './InvoiceCreditNotice';
import type { InvoiceCreditDecision } from './invoice-credit';

// `children` is required in the props type; createElement passes it as the third argument.
type ProviderProps = Parameters<typeof I18nProvider>[0];

function render(locale: Locale, decision: InvoiceCreditDecision | null, isOnline = true): string {
  const notice = createElement(InvoiceCreditNotice, {
    decision,
    isChecking: false,
    isOnline,
    currency: 'SEK',
  });
  return renderToStaticMarkup(createElement(I18nProvider, { initialLocale: locale } as ProviderProps, notice))
    .replaceAll('&nbsp;', ' ')
    .replace(/\u00a0|\u202f/g, ' ');
}

const refused: InvoiceCreditDecision = {
  kind: 'refuse',
  creditLimit: 1_000_000,
  headroom: 250_050,
  hasNoCredit: false,
};

describe('the invoice credit notice', () => {
  it('names the credit limit and the headroom, in Swedish and English, as an alert', () => {
    const sv = render('sv', refused);
    expect(sv).toContain('role="alert"');
    expect(sv).toContain('kreditgräns på 10 000,00 kr');
    expect(sv).toContain('2 500,50 kr till på faktura');
    const en = render('en', refused);
    expect(en).toContain('credit limit is 10 000,00 kr');
    expect(en).toContain('2 500,50 kr is left');
  });

  it('says so when nothing is left, or the customer has no credit', () => {
    expect(render('sv', { ...refused, headroom: 0 })).toContain('inget kvar att handla för på faktura');
    expect(render('en', { ...refused, creditLimit: null, headroom: 0, hasNoCredit: true })).toContain(
      'no credit limit is set',
    );
  });

  it('tells the cashier the limit was not checked offline or without an answer', () => {
    expect(render('sv', null, false)).toContain('kreditgränsen kan inte kontrolleras');
    const unreachable = render('en', { kind: 'take_unchecked', reason: 'unreachable' });
    expect(unreachable).toContain('role="alert"');
    expect(unreachable).toContain('Press “Add payment” again');
    expect(render('sv', { kind: 'take' })).toBe('');
  });
});
