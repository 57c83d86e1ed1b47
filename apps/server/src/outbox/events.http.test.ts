import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSse } from '../testing/sse';
import { createTestApp, signIn, type TestApp } from '../testing/test-app';

let t: TestApp;
let base: string;
let stockholm: string;
beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const [row] = await t.ctx.db.query<{ id: string }>("select id from stores where code = 'STHLM'");
  stockholm = row!.id;
});
afterAll(() => t.close());

const latestEventId = async () =>
  String((await t.ctx.db.query<{ id: number }>('select max(id) as id from outbox_events'))[0]!.id);

const open = (cookie: string, query = '', headers: Record<string, string> = {}) =>
  fetch(`${base}/api/events${query}`, { headers: { cookie, ...headers } });

describe('GET /api/events (Server-Sent Events)', () => {
  it('streams a store’s events to its cashier and nothing from other stores', async () => {
    const cashier = await signIn(t.app, 'cashier');
    const stream = await open(cashier);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    // Events committed just before the stream opened may still be on their way: read until ours.
    const received = readSse(stream, (m) => (m.data.data as { role?: string }).role === 'manager');
    await signIn(t.app, 'owner'); // company-wide: not for a store stream
    await signIn(t.app, 'manager'); // the Stockholm manager
    const messages = await received;
    expect(messages.at(-1)).toMatchObject({ event: 'staff.signed_in', data: { storeId: stockholm } });
    expect(messages.every((m) => m.data.storeId === stockholm)).toBe(true);
  });

  it('refuses a cashier who asks for another store’s events', async () => {
    const cashier = await signIn(t.app, 'cashier');
    const response = await open(cashier, '?storeId=sto_other');
    expect(response.status).toBe(403);
    await response.body?.cancel();
  });

  it('resumes after Last-Event-ID with every missed event exactly once, in order', async () => {
    const owner = await signIn(t.app, 'owner');
    const first = await open(owner);
    let seenId = '';
    const firstBatch = readSse(first, (m) => m.id === seenId);
    await signIn(t.app, 'manager');
    seenId = await latestEventId();
    const seen = (await firstBatch).at(-1);
    // Disconnected: these happen while nobody listens.
    await signIn(t.app, 'cashier');
    await signIn(t.app, 'manager');
    const resumed = await open(owner, '', { 'last-event-id': seen!.id });
    const missed = readSse(resumed, 3);
    await signIn(t.app, 'owner'); // live again after the replay
    const messages = await missed;
    const ids = messages.map((m) => Number(m.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids[0]).toBeGreaterThan(Number(seen!.id));
    expect(new Set(ids).size).toBe(3);
    expect(messages.map((m) => m.data.data)).toMatchObject([
      { role: 'cashier' },
      { role: 'manager' },
      { role: 'owner' },
    ]);
  });

  it('turns away an anonymous caller', async () => {
    const response = await fetch(`${base}/api/events`);
    expect(response.status).toBe(401);
  });
});
