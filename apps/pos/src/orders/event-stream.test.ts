import type { DomainEventDto } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { createEventStream, type EventStreamStatus } from './event-stream';

function eventText(id: number, type = 'order.placed') {
  const event: DomainEventDto = {
    id: String(id),
    type,
    aggregateType: 'order',
    aggregateId: `ord_${id}`,
    storeId: 'sto_1',
    occurredAt: '2026-12-03T09:00:00.000Z',
    data: { order: { id: `ord_${id}` } },
  };
  return `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** One server connection: the test writes SSE text into it and ends it (a lost connection). */
interface FakeConnection {
  headers: Record<string, string>;
  write(text: string): void;
  end(): void;
  isAborted(): boolean;
}

/**
 * A fetch that answers each call with a text/event-stream body the test controls, or with the
 * status given for that call (e.g. 503 while the server restarts).
 */
function fakeServer(statuses: number[] = []) {
  const connections: FakeConnection[] = [];
  let calls = 0;
  const fetchFn = (async (_url: string, init?: RequestInit) => {
    const status = statuses[calls++] ?? 200;
    const headers = { ...(init?.headers as Record<string, string>) };
    if (status !== 200) {
      connections.push({ headers, write() {}, end() {}, isAborted: () => false });
      return new Response('unavailable', { status });
    }
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let aborted = false;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    init?.signal?.addEventListener('abort', () => {
      aborted = true;
      controller.error(new DOMException('aborted', 'AbortError'));
    });
    connections.push({
      headers,
      write: (text) => controller.enqueue(new TextEncoder().encode(text)),
      end: () => controller.close(),
      isAborted: () => aborted,
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  }) as typeof fetch;
  return { fetchFn, connections };
}

/** Timers the test fires by hand, recording each delay asked for. */
function manualTimers() {
  const pending: { run: () => void; ms: number; cleared: boolean }[] = [];
  return {
    delays: () => pending.map((p) => p.ms),
    setTimer: (run: () => void, ms: number) => {
      const timer = { run, ms, cleared: false };
      pending.push(timer);
      return timer;
    },
    clearTimer: (timer: unknown) => {
      (timer as { cleared: boolean }).cleared = true;
    },
    fireNext() {
      const next = pending.find((p) => !p.cleared);
      if (!next) throw new Error('no timer pending');
      next.cleared = true;
      next.run();
    },
    hasPending: () => pending.some((p) => !p.cleared),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function setUp(statuses: number[] = [], lastEventId: string | null = null) {
  const server = fakeServer(statuses);
  const timers = manualTimers();
  const received: string[] = [];
  const statusLog: EventStreamStatus[] = [];
  const stream = createEventStream({
    url: '/api/registers/reg_1/events',
    headers: { authorization: 'Device tok' },
    onEvent: (event) => received.push(event.id),
    onStatus: (status) => statusLog.push(status),
    lastEventId,
    firstDelayMs: 100,
    maxDelayMs: 1_000,
    fetch: server.fetchFn,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  return { server, timers, received, statusLog, stream };
}

describe('the register event stream', () => {
  it('parses events split across chunks, with the device token and no Last-Event-ID at first', async () => {
    const { server, received, stream } = setUp();
    stream.start();
    await tick();
    const [connection] = server.connections;
    expect(connection!.headers.authorization).toBe('Device tok');
    expect(connection!.headers['last-event-id']).toBeUndefined();
    const text = `retry: 2000\n\n: keep-alive\n\n${eventText(7)}${eventText(8)}`;
    connection!.write(text.slice(0, 40));
    connection!.write(text.slice(40, 130));
    connection!.write(text.slice(130));
    await tick();
    expect(received).toEqual(['7', '8']);
    expect(stream.lastEventId()).toBe('8');
  });

  it('reconnects after a lost connection with Last-Event-ID and delivers a replayed event once', async () => {
    const { server, timers, received, stream, statusLog } = setUp();
    stream.start();
    await tick();
    server.connections[0]!.write(eventText(1) + eventText(2));
    server.connections[0]!.end();
    await tick();
    expect(statusLog.at(-1)).toBe('reconnecting');
    expect(server.connections).toHaveLength(1);
    timers.fireNext();
    await tick();
    expect(server.connections[1]!.headers['last-event-id']).toBe('2');
    // The server replays what it thinks was missed; an overlap must not reach the screen twice.
    server.connections[1]!.write(eventText(2) + eventText(3) + eventText(4));
    await tick();
    expect(received).toEqual(['1', '2', '3', '4']);
    expect(statusLog.at(-1)).toBe('open');
  });

  it('backs off, doubling up to the ceiling, while the server refuses, and resets once it answers', async () => {
    const { server, timers, stream } = setUp([503, 503, 503, 503, 503]);
    stream.start();
    for (let i = 0; i < 5; i++) {
      await tick();
      timers.fireNext();
    }
    await tick();
    expect(timers.delays()).toEqual([100, 200, 400, 800, 1_000]);
    expect(server.connections).toHaveLength(6);
    server.connections[5]!.end();
    await tick();
    expect(timers.delays().at(-1)).toBe(100);
  });

  it('follows the server retry: field as the first delay', async () => {
    const { server, timers, stream } = setUp();
    stream.start();
    await tick();
    server.connections[0]!.write('retry: 2000\n\n');
    server.connections[0]!.end();
    await tick();
    expect(timers.delays()).toEqual([2_000]);
  });

  it('pauses without reconnecting (offline) and resumes from the last event id', async () => {
    const { server, timers, received, stream, statusLog } = setUp([], '40');
    stream.start();
    await tick();
    expect(server.connections[0]!.headers['last-event-id']).toBe('40');
    server.connections[0]!.write(eventText(41));
    await tick();
    stream.pause();
    await tick();
    expect(server.connections[0]!.isAborted()).toBe(true);
    expect(timers.hasPending()).toBe(false);
    expect(statusLog.at(-1)).toBe('paused');
    stream.start();
    await tick();
    expect(server.connections).toHaveLength(2);
    expect(server.connections[1]!.headers['last-event-id']).toBe('41');
    server.connections[1]!.write(eventText(41) + eventText(42));
    await tick();
    expect(received).toEqual(['41', '42']);
    stream.stop();
    stream.start();
    await tick();
    expect(server.connections).toHaveLength(2);
  });

  it('skips a message whose data is not JSON without losing the ones after it', async () => {
    const { server, received, stream } = setUp();
    stream.start();
    await tick();
    server.connections[0]!.write(`id: 5\nevent: order.placed\ndata: {not json\n\n${eventText(6)}`);
    await tick();
    expect(received).toEqual(['6']);
  });
});
