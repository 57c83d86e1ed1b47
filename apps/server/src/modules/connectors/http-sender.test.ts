import { describe, expect, it } from 'vitest';
import { signedHeaders } from '../webhooks/webhooks.send';
import { CONNECTOR_RETRY, isSignedBy, newSigningSecret, nextRetryAt } from './http-sender';
import { fieldOf } from './inbound.routes';

describe('connector back-off', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  const waitAfter = (attempts: number) =>
    nextRetryAt(CONNECTOR_RETRY, attempts, now, () => 0.5)!.getTime() - now.getTime();

  it('doubles from the first retry up to the cap, then gives up after the last attempt', () => {
    expect(waitAfter(1)).toBe(5_000);
    expect(waitAfter(2)).toBe(10_000);
    expect(waitAfter(3)).toBe(20_000);
    expect(waitAfter(11)).toBe(CONNECTOR_RETRY.capMs);
    expect(nextRetryAt(CONNECTOR_RETRY, CONNECTOR_RETRY.maxAttempts, now)).toBeNull();
  });

  it('spreads retries by ± 20 %', () => {
    expect(nextRetryAt(CONNECTOR_RETRY, 1, now, () => 0)!.getTime() - now.getTime()).toBe(4_000);
    expect(nextRetryAt(CONNECTOR_RETRY, 1, now, () => 1)!.getTime() - now.getTime()).toBe(6_000);
  });
});

describe('signatures', () => {
  it('accepts the exact signed bytes and refuses another secret, another body or an old timestamp', () => {
    const secret = newSigningSecret();
    const body = JSON.stringify({ messageId: 'm1', type: 'order.received' });
    const headers = signedHeaders(secret, 'm1', new Date(), body);
    expect(isSignedBy(secret, headers, body)).toBe(true);
    expect(isSignedBy(newSigningSecret(), headers, body)).toBe(false);
    expect(isSignedBy(secret, headers, `${body} `)).toBe(false);
    expect(isSignedBy(secret, {}, body)).toBe(false);
    const old = signedHeaders(secret, 'm1', new Date(Date.now() - 10 * 60_000), body);
    expect(isSignedBy(secret, old, body)).toBe(false);
  });
});

describe('field names', () => {
  it('writes array indexes in brackets', () => {
    expect(fieldOf(['messages', 2, 'lines', 0, 'sku'])).toBe('messages[2].lines[0].sku');
    expect(fieldOf([])).toBe('(root)');
  });
});
