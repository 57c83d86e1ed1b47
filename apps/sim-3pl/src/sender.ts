// The 3PL's side of "at least once": every message it produces is POSTed to Handla, signed per
// Standard Webhooks, and retried with back-off until Handla answers 2xx. The faults a real
// integration shows are injected here on purpose: a message sent twice, and a message held back
// until the same order's next one has gone (so Handla sees sequence 3 before 2).
import type { WmsInboundMessage, WmsInboundResult } from '@handla/api';
import { Webhook } from 'standardwebhooks';
import type { ResolvedOptions } from './options';

/** What we know about one message we produced: how often it went out and what Handla said. */
export interface SentRecord {
  messageId: string;
  type: WmsInboundMessage['type'];
  orderId: string | null;
  sequence: number | null;
  /** POSTs that carried it, our own retries and deliberate repeats included. */
  sends: number;
  /** Deliberate second sends after Handla had acknowledged it (the duplicate fault). */
  repeats: number;
  /** Handla's outcome for each acknowledged send: applied, duplicate, held, dead_lettered. */
  outcomes: string[];
  isAcked: boolean;
  /** Sent after a later message of its order (the reorder fault). */
  wasReordered: boolean;
  /** A 4xx answer (not retried), e.g. "HTTP 400 …". */
  rejected: string | null;
}

interface Queued {
  record: SentRecord;
  message: WmsInboundMessage;
  dueAt: number;
  attempts: number;
  /** Held back (reorder fault) until this time, or until its order's next message went out. */
  heldUntil: number;
  isRepeat: boolean;
}

export interface SenderStats {
  emitted: number;
  acked: number;
  pending: number;
  posts: number;
  failedPosts: number;
  repeats: number;
  reordered: number;
  abandoned: number;
  rejected: number;
}

export interface Sender {
  send(message: WmsInboundMessage): void;
  records(): SentRecord[];
  stats(): SenderStats;
  /** Down: nothing goes out until `resume`. */
  pause(): void;
  resume(): void;
  /** Holds (or lets go) what is queued, e.g. while a bench sets up; independent of pause. */
  hold(isHeld: boolean): void;
  close(): void;
}

const isRetryable = (status: number) => status >= 500 || status === 408 || status === 429;

/** A sender to the connector `options` names (read on every POST: `connect` may set it later). */
export function createSender(options: ResolvedOptions, random: () => number): Sender {
  const queue: Queued[] = [];
  const byId = new Map<string, SentRecord>();
  const counts = { posts: 0, failedPosts: 0, repeats: 0, reordered: 0, abandoned: 0 };
  let inFlight = 0;
  let inFlightMessages = 0;
  let isPaused = false;
  let isHeld = false;
  let isClosed = false;
  let timer: NodeJS.Timeout | undefined;
  let batchNumber = 0;
  const instance = Math.random().toString(36).slice(2, 10);

  const orderOf = (m: WmsInboundMessage) => ('orderId' in m ? m.orderId : null);
  const sequenceOf = (m: WmsInboundMessage) => ('sequence' in m ? m.sequence : null);

  function schedule(delayMs: number) {
    if (isClosed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(pump, Math.max(delayMs, 0));
  }

  function takeBatch(now: number): Queued[] {
    const batch: Queued[] = [];
    for (let i = 0; i < queue.length && batch.length < options.batchSize; ) {
      const item = queue[i]!;
      if (item.dueAt <= now && item.heldUntil <= now) {
        batch.push(item);
        queue.splice(i, 1);
      } else i++;
    }
    return batch;
  }

  function pump() {
    timer = undefined;
    if (isPaused || isHeld || isClosed || !options.handlaUrl) return;
    const now = Date.now();
    while (inFlight < options.concurrency) {
      const batch = takeBatch(now);
      if (batch.length === 0) break;
      inFlight++;
      inFlightMessages += batch.length;
      void post(batch).finally(() => {
        inFlight--;
        inFlightMessages -= batch.length;
        schedule(0);
      });
    }
    const next = queue.reduce((soonest, q) => Math.min(soonest, Math.max(q.dueAt, q.heldUntil)), Infinity);
    if (next !== Infinity && inFlight < options.concurrency) schedule(next - Date.now());
  }

  // A held message goes once a later message of its order has been answered, so it truly arrives second.
  function releaseHeldBehind(batch: Queued[]) {
    for (const sent of batch) {
      const orderId = orderOf(sent.message);
      const sequence = sequenceOf(sent.message);
      if (orderId === null || sequence === null) continue;
      for (const held of queue) {
        if (held.heldUntil === 0 || orderOf(held.message) !== orderId) continue;
        if ((sequenceOf(held.message) ?? 0) < sequence) {
          held.heldUntil = 0;
          held.record.wasReordered = true;
          counts.reordered++;
        }
      }
    }
  }

  async function post(batch: Queued[]) {
    const body = JSON.stringify(
      batch.length === 1 ? batch[0]!.message : { messages: batch.map((q) => q.message) },
    );
    const webhookId = batch.length === 1 ? batch[0]!.record.messageId : `sim_${instance}_${++batchNumber}`;
    const at = new Date();
    for (const q of batch) q.record.sends++;
    counts.posts++;
    let status: number | null = null;
    let text = '';
    // The abandon fault: our patience ends before Handla's answer (it may or may not have applied).
    const isAbandoned = random() < options.faults.abandon;
    if (isAbandoned) counts.abandoned++;
    const patienceMs = isAbandoned ? 1 + Math.floor(random() * 30) : options.sendTimeoutMs;
    try {
      const response = await fetch(`${options.handlaUrl}/api/connectors/${options.connectorId}/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Handla-Sim-3PL/1',
          'webhook-id': webhookId,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': new Webhook(options.secret ?? '').sign(webhookId, at, body),
        },
        body,
        signal: AbortSignal.timeout(patienceMs),
      });
      status = response.status;
      text = await response.text();
    } catch {
      status = null; // refused, reset or our timeout: retry
    }
    if (status !== null && status >= 200 && status < 300) {
      acknowledge(batch, text);
      releaseHeldBehind(batch);
      return;
    }
    counts.failedPosts++;
    if (status !== null && !isRetryable(status)) {
      for (const q of batch) q.record.rejected = `HTTP ${status} ${text.slice(0, 500)}`;
      return;
    }
    for (const q of batch) {
      q.attempts++;
      q.dueAt = Date.now() + Math.min(options.retryMs * 2 ** (q.attempts - 1), options.retryCapMs);
      queue.push(q);
    }
  }

  function acknowledge(batch: Queued[], text: string) {
    let results: WmsInboundResult['results'] = [];
    try {
      results = (JSON.parse(text) as WmsInboundResult).results ?? [];
    } catch {
      results = [];
    }
    const outcomeOf = new Map(results.map((r) => [r.messageId, r.outcome]));
    for (const q of batch) {
      q.record.isAcked = true;
      q.record.outcomes.push(outcomeOf.get(q.record.messageId) ?? 'unknown');
      if (!q.isRepeat && random() < options.faults.duplicate) {
        q.record.repeats++;
        counts.repeats++;
        const dueAt = Date.now() + Math.floor(random() * 200);
        queue.push({ ...q, dueAt, attempts: 0, heldUntil: 0, isRepeat: true });
      }
    }
  }

  return {
    send(message) {
      const record: SentRecord = {
        messageId: message.messageId,
        type: message.type,
        orderId: orderOf(message),
        sequence: sequenceOf(message),
        sends: 0,
        repeats: 0,
        outcomes: [],
        isAcked: false,
        wasReordered: false,
        rejected: null,
      };
      byId.set(record.messageId, record);
      const isHeld = record.orderId !== null && random() < options.faults.reorder;
      const heldUntil = isHeld ? Date.now() + options.reorderHoldMs : 0;
      queue.push({ record, message, dueAt: 0, attempts: 0, heldUntil, isRepeat: false });
      schedule(0);
    },
    records: () => [...byId.values()],
    stats() {
      const records = [...byId.values()];
      return {
        emitted: records.length,
        acked: records.filter((r) => r.isAcked).length,
        // Repeats still queued count too: a test waits for the quiet after every send.
        pending: queue.length + inFlightMessages,
        rejected: records.filter((r) => r.rejected !== null).length,
        ...counts,
      };
    },
    pause() {
      isPaused = true;
    },
    resume() {
      isPaused = false;
      schedule(0);
    },
    hold(held) {
      isHeld = held;
      schedule(0);
    },
    close() {
      isClosed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
