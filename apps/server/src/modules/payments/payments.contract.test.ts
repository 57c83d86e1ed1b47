// The core's payment statuses and methods are the API contract's, in the same order.
import { PAYMENT_STATUSES as API_STATUSES, OrderPayment } from '@handla/api';
import { PAYMENT_METHODS, PAYMENT_STATUSES } from '@handla/core';
import { expect, it } from 'vitest';

it('uses the same statuses and methods as the API contract', () => {
  expect(PAYMENT_STATUSES).toEqual(API_STATUSES);
  expect(PAYMENT_METHODS).toEqual(OrderPayment.shape.method.options);
});
