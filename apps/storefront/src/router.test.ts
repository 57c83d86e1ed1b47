import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, statusTokenOf } from './router';

describe('hash routes', () => {
  it('reads every page', () => {
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#/')).toEqual({ page: 'home' });
    expect(parseRoute('#/product/t-shirt%20eko')).toEqual({ page: 'product', slug: 't-shirt eko' });
    expect(parseRoute('#/category/trojor')).toEqual({ page: 'category', slug: 'trojor' });
    expect(parseRoute('#/order/abc_123?paid=1')).toEqual({ page: 'order', token: 'abc_123' });
    expect(parseRoute('#/cart')).toEqual({ page: 'cart' });
    expect(parseRoute('#/checkout')).toEqual({ page: 'checkout' });
    expect(parseRoute('#/account')).toEqual({ page: 'account' });
  });

  it('sends unknown or malformed paths to "not found"', () => {
    expect(parseRoute('#/nope')).toEqual({ page: 'notFound' });
    expect(parseRoute('#/product/')).toEqual({ page: 'notFound' });
    expect(parseRoute('#/product/a/b')).toEqual({ page: 'notFound' });
    expect(parseRoute('#/order/%E0%A4%A')).toEqual({ page: 'notFound' });
  });

  it('writes links that read back as the same route', () => {
    for (const route of [
      { page: 'product', slug: 'mugg & fat' },
      { page: 'order', token: 'tok' },
      { page: 'cart' },
    ] as const) {
      expect(parseRoute(hrefOf(route))).toEqual(route);
    }
  });

  it('finds the token in an order-status link', () => {
    expect(statusTokenOf('http://localhost:3000/#/order/st_abc')).toBe('st_abc');
    expect(statusTokenOf('https://shop.example/orders/status/st_abc')).toBe('st_abc');
  });
});
