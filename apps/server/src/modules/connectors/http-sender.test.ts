import { describe, expect, it } from 'vitest';
import {
  CONNECTOR_RETRY,
  isSignedBy,
  newSigningSecret,
  nextRetryAt,
  readStart,
  sendSignedJson,
  signedHeaders,
} from './http-sender';
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

describe('sendSignedJson', () => {
  it("posts signed JSON with the caller's user agent and keeps only the start of the answer", async () => {
    const { createServer } = await import('node:http');
    const secret = newSigningSecret();
    const seen: { headers: Record<string, unknown>; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        res.writeHead(req.url === '/refuse' ? 409 : 200).end('x'.repeat(5000));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const post = { secret, messageId: 'msg_1', body: { a: 1 }, at: new Date() };
    try {
      const kept = await sendSignedJson({ ...post, url: `http://127.0.0.1:${port}/ok`, userAgent: 'Test/1' });
      expect(kept).toMatchObject({ isDelivered: true, statusCode: 200, error: null });
      expect(kept.responseBody).toHaveLength(2000);
      expect(seen[0]!.headers['user-agent']).toBe('Test/1');
      expect(isSignedBy(secret, seen[0]!.headers, seen[0]!.body)).toBe(true);
      const dropped = await sendSignedJson({
        ...post,
        url: `http://127.0.0.1:${port}/refuse`,
        readBody: 'none',
      });
      expect(dropped).toMatchObject({
        isDelivered: false,
        statusCode: 409,
        error: 'HTTP 409',
        responseBody: null,
      });
      expect(seen[1]!.headers['user-agent']).toBe('Handla-Connectors/1');
      const down = await sendSignedJson({ ...post, url: 'http://127.0.0.1:1/x' });
      expect(down).toMatchObject({ isDelivered: false, statusCode: null, responseBody: null });
      expect(down.error).toBeTruthy();
    } finally {
      server.close();
    }
  });

  it('reads an empty answer as empty text', async () => {
    expect(await readStart(new Response(null))).toBe('');
    expect(await readStart(new Response('ok'))).toBe('ok');
  });
});
