import { ApiError, type Customer, type CustomerHistoryEntry } from '@handla/api';
import { describe, expect, it } from 'vitest';
import {
  cartCustomerOf,
  customerFacts,
  customerWithCard,
  EMPTY_NEW_CUSTOMER,
  formFieldErrors,
  historyRow,
  latestFirst,
  newCustomerBody,
} from './customer-view';

function customer(over: Partial<Customer>): Customer {
  return {
    id: 'c1',
    name: 'Anna Berg',
    email: null,
    orgNumber: null,
    priceListId: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    kind: 'consumer',
    personalNumber: null,
    phone: null,
    cardNumber: null,
    paymentTermsDays: null,
    creditLimit: null,
    deliveryAddress: null,
    invoiceAddress: null,
    contacts: [],
    groups: [],
    mergedIntoId: null,
    erasedAt: null,
    ...over,
  };
}

function entry(over: Partial<CustomerHistoryEntry>): CustomerHistoryEntry {
  return {
    kind: 'order',
    id: 'o1',
    number: '1042',
    channel: 'web',
    storeId: null,
    storeName: null,
    status: 'placed',
    totalInclVat: 19900,
    currency: 'SEK',
    at: '2026-03-01T10:00:00.000Z',
    ...over,
  };
}

describe('the customer a card scan found', () => {
  const list = [
    customer({ id: 'a', name: 'Card 0012 in name', phone: '0012' }),
    customer({ id: 'b', cardNumber: 'LK-0012' }),
  ];

  it('is the one whose card is the code, ignoring case and spaces around', () => {
    expect(customerWithCard(list, ' lk-0012 ')?.id).toBe('b');
  });

  it('is none when no card matches exactly (a phone or a part is not a card)', () => {
    expect(customerWithCard(list, '0012')).toBeNull();
    expect(customerWithCard(list, '')).toBeNull();
  });
});

describe('the customer attached to the cart', () => {
  it('carries the kind as a built-in group and the customer’s own groups, for promotions offline too', () => {
    const attached = cartCustomerOf(
      customer({ kind: 'company', groups: ['b2b-rabatt'], cardNumber: 'CARD-1234' }),
    );
    expect(attached).toEqual({
      id: 'c1',
      name: 'Anna Berg',
      isMember: true,
      groups: ['company', 'b2b-rabatt'],
    });
    expect(cartCustomerOf(customer({})).groups).toEqual(['consumer']);
  });
});

describe('a search result’s facts', () => {
  it('lists phone, then the number, then e-mail, leaving out empty ones', () => {
    expect(
      customerFacts(customer({ phone: '070-123 45 67', personalNumber: '19900101-1234', email: 'a@b.se' })),
    ).toEqual(['070-123 45 67', '19900101-1234', 'a@b.se']);
    expect(customerFacts(customer({ orgNumber: '556677-8899', phone: '' }))).toEqual(['556677-8899']);
  });
});

describe('a history row', () => {
  it('names a web order and places it in the web shop', () => {
    expect(historyRow(entry({}))).toEqual({
      titleKey: 'pos.customers.history.order',
      number: '1042',
      storeName: null,
    });
  });

  it('names a receipt with its store', () => {
    expect(
      historyRow(
        entry({ kind: 'receipt', number: '17', channel: 'store', storeId: 's1', storeName: 'Södermalm' }),
      ),
    ).toEqual({ titleKey: 'pos.customers.history.receipt', number: '17', storeName: 'Södermalm' });
  });

  it('sorts the latest first', () => {
    const items = [
      entry({ id: 'old', at: '2026-01-01T10:00:00.000Z' }),
      entry({ id: 'new', at: '2026-05-01T10:00:00.000Z' }),
      entry({ id: 'mid', at: '2026-03-01T10:00:00.000Z' }),
    ];
    expect(latestFirst(items).map((e) => e.id)).toEqual(['new', 'mid', 'old']);
    expect(items[0]?.id).toBe('old');
  });
});

describe('the new-customer form', () => {
  it('sends trimmed values and leaves empty fields out', () => {
    expect(newCustomerBody({ ...EMPTY_NEW_CUSTOMER, name: ' Anna Berg ', phone: ' 0701234567 ' })).toEqual({
      name: 'Anna Berg',
      kind: 'consumer',
      phone: '0701234567',
    });
    expect(
      newCustomerBody({ name: 'A', phone: '', email: 'a@b.se', personalNumber: '19900101-1234' }),
    ).toEqual({ name: 'A', kind: 'consumer', email: 'a@b.se', personalNumber: '19900101-1234' });
  });

  it('puts a 400’s field errors on the form’s fields, the first per field, others left out', () => {
    const error = new ApiError({
      type: 'about:blank',
      title: 'Bad request',
      status: 400,
      code: 'validation_failed',
      errors: [
        { field: 'personalNumber', message: 'Invalid check digit' },
        { field: 'personalNumber', message: 'second' },
        { field: 'email', message: 'Invalid email' },
        { field: 'priceListId', message: 'Not a B2B list' },
      ],
    });
    expect(formFieldErrors(error)).toEqual({ personalNumber: 'Invalid check digit', email: 'Invalid email' });
    expect(formFieldErrors(new TypeError('offline'))).toEqual({});
  });
});
