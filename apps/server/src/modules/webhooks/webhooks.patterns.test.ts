import { describe, expect, it } from 'vitest';
import { isSubscribedTo, matchesPattern } from './webhooks.patterns';
import { FIRST_RETRY_MS, MAX_ATTEMPTS, nextAttemptAt, RETRY_CAP_MS } from './webhooks.send';

describe('event patterns', () => {
  it('match a whole family with .* and exact types by name only', () => {
    expect(matchesPattern('order.*', 'order.placed')).toBe(true);
    expect(matchesPattern('order.*', 'orders.placed')).toBe(false);
    expect(matchesPattern('stock.changed', 'stock.changed')).toBe(true);
    expect(matchesPattern('stock.changed', 'stock.reserved')).toBe(false);
    expect(isSubscribedTo(['sale.*', 'stock.changed'], 'stock.changed')).toBe(true);
    expect(isSubscribedTo(['sale.*', 'stock.changed'], 'product.updated')).toBe(false);
  });
});

describe('the retry schedule', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const waitAfter = (attempts: number, random = 0.5) =>
    nextAttemptAt(attempts, now, () => random)!.getTime() - now.getTime();

  it('doubles from 30 s, with ±20 % jitter, capped at 12 h, and gives up after the last attempt', () => {
    expect(waitAfter(1)).toBe(FIRST_RETRY_MS);
    expect(waitAfter(2)).toBe(2 * FIRST_RETRY_MS);
    expect(waitAfter(1, 0)).toBe(0.8 * FIRST_RETRY_MS);
    expect(waitAfter(1, 1)).toBe(1.2 * FIRST_RETRY_MS);
    expect(waitAfter(15)).toBe(RETRY_CAP_MS);
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull();
    const total = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => waitAfter(i + 1)).reduce(
      (a, b) => a + b,
      0,
    );
    expect(total / 86_400_000).toBeGreaterThan(4);
    expect(total / 86_400_000).toBeLessThan(6);
  });
});
