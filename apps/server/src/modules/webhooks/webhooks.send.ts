// The `webhooks.send` job: claim due deliveries, POST them signed per the Standard Webhooks spec
// (`sendSignedJson`, shared with the connectors), record every attempt. Safe in several processes
// at once (claims use `for update skip locked`). At least once: a process that dies between
// sending and recording leaves the claim to expire and the delivery goes out again with the same
// webhook-id.
import type { AppContext } from '../../context';
import { sendSignedJson } from '../connectors/http-sender';
import {
  type AttemptOutcome,
  type ClaimedDelivery,
  claimDueDeliveries,
  recordAttempts,
} from './webhooks.deliveries.store';

/** A receiver that has not answered within this is treated as down (and retried). */
export const SEND_TIMEOUT_MS = 10_000;
/** The wait before the first retry; each further one doubles it (± 20 % jitter), up to RETRY_CAP_MS. */
export const FIRST_RETRY_MS = 30_000;
export const RETRY_CAP_MS = 12 * 60 * 60_000;
/** Attempts before a delivery is given up as `failed`: 20 attempts span about 4.7 days. */
export const MAX_ATTEMPTS = 20;
// Longer than the send timeout, so a slow receiver's delivery is not claimed twice.
const CLAIM_LEASE_MS = 60_000;
const BATCH_SIZE = 100;

/** When to try again after the `attempts`-th failed one, or null when it is time to give up. */
export function nextAttemptAt(attempts: number, now: Date, random: () => number = Math.random): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const wait = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), RETRY_CAP_MS);
  // Jitter spreads the retries of many deliveries that failed together (a receiver's outage).
  return new Date(now.getTime() + Math.round(wait * (0.8 + 0.4 * random())));
}

type PostResult = Pick<
  AttemptOutcome,
  'isDelivered' | 'statusCode' | 'error' | 'durationMs' | 'responseBody'
>;

function post(delivery: ClaimedDelivery, now: Date): Promise<PostResult> {
  return sendSignedJson({
    url: delivery.url,
    secret: delivery.secret,
    messageId: delivery.messageId,
    body: delivery.payload,
    at: now,
    timeoutMs: SEND_TIMEOUT_MS,
    userAgent: 'Handla-Webhooks/1',
  });
}

/** Sends one claimed batch; returns how many deliveries were claimed and how many delivered. */
async function sendBatch(ctx: AppContext) {
  const now = ctx.clock();
  const claimed = await ctx.db.transaction((tx) => claimDueDeliveries(tx, now, BATCH_SIZE, CLAIM_LEASE_MS));
  if (claimed.length === 0) return { claimed: 0, delivered: 0 };
  // One claim holds at most one delivery per resource and subscription, so they may go out together.
  const results = await Promise.all(claimed.map((delivery) => post(delivery, now)));
  const at = ctx.clock();
  const outcomes = claimed.map((delivery, i): AttemptOutcome => {
    const result = results[i]!;
    // A redelivery starts the back-off and the give-up count over.
    const retryAt = result.isDelivered
      ? null
      : nextAttemptAt(delivery.attempts - delivery.attemptsBeforeRedelivery, at);
    return { ...result, deliveryId: delivery.id, attempt: delivery.attempts, retryAt, at };
  });
  const recorded = await ctx.db.transaction((tx) => recordAttempts(tx, outcomes));
  const delivered = outcomes.filter((o) => o.isDelivered && recorded.has(o.deliveryId)).length;
  return { claimed: claimed.length, delivered };
}

/**
 * Sends what is due on the context's clock, batch after batch while deliveries go through (one
 * delivered may let the next of its resource go); returns how many were delivered.
 */
export async function sendDueDeliveries(ctx: AppContext, maxBatches = 50): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < maxBatches; i++) {
    const batch = await sendBatch(ctx);
    delivered += batch.delivered;
    if (batch.claimed === 0 || batch.delivered === 0) break;
  }
  return delivered;
}
