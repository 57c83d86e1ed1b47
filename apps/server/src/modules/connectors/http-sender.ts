// CONTRACT READY
// The generic HTTP side of every connector (3PL, ERP): send JSON signed per Standard Webhooks with
// a timeout and get an outcome back (never a throw), verify what a partner sends us, and the
// back-off between attempts. Which messages go when is the caller's business.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A partner that has not answered within this is treated as down (and retried). */
export const CONNECTOR_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_CHARS = 2000;

/** A Standard Webhooks secret: "whsec_" and the base64 of 32 random bytes. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The three Standard Webhooks headers for `body`, signed with a `whsec_` secret. */
export function signedHeaders(secret: string, messageId: string, at: Date, body: string) {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, at, body),
  };
}

/** The first MAX_RESPONSE_CHARS of an answer, without reading (or holding) any more of it. */
export async function readStart(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (text.length < MAX_RESPONSE_CHARS) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return text.slice(0, MAX_RESPONSE_CHARS);
}

/** One signed POST: `messageId` becomes the webhook-id header, so the receiver can deduplicate. */
export interface SignedPost {
  url: string;
  secret: string;
  messageId: string;
  body: unknown;
  at: Date;
  timeoutMs?: number;
  userAgent?: string;
  /** `start` (default) keeps the answer's first 2,000 characters; `none` drops the answer unread. */
  readBody?: 'start' | 'none';
}

/** What one attempt gave: delivered (2xx), or why not. */
export interface SendOutcome {
  isDelivered: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  responseBody: string | null;
}

/** POSTs `post.body` as signed JSON; a timeout, refused connection or non-2xx is an outcome, not a throw. */
export async function sendSignedJson(post: SignedPost): Promise<SendOutcome> {
  const body = JSON.stringify(post.body);
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  try {
    const response = await fetch(post.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': post.userAgent ?? 'Handla-Connectors/1',
        ...signedHeaders(post.secret, post.messageId, post.at, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(post.timeoutMs ?? CONNECTOR_TIMEOUT_MS),
    });
    const text = post.readBody === 'none' ? await discard(response) : await readStart(response);
    const isDelivered = response.status >= 200 && response.status < 300;
    return {
      isDelivered,
      statusCode: response.status,
      error: isDelivered ? null : `HTTP ${response.status}`,
      durationMs: elapsed(),
      responseBody: text,
    };
  } catch (error) {
    const cause =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return { isDelivered: false, statusCode: null, error: cause, durationMs: elapsed(), responseBody: null };
  }
}

async function discard(response: Response): Promise<null> {
  await response.body?.cancel().catch(() => undefined);
  return null;
}

/**
 * True when `rawBody` carries a valid Standard Webhooks signature by `secret` (timestamp within
 * five minutes of now). Verify the exact bytes received, before parsing them.
 */
export function isSignedBy(secret: string, headers: Record<string, unknown>, rawBody: string): boolean {
  const header = (name: string) => (typeof headers[name] === 'string' ? (headers[name] as string) : '');
  try {
    new Webhook(secret).verify(rawBody, {
      'webhook-id': header('webhook-id'),
      'webhook-timestamp': header('webhook-timestamp'),
      'webhook-signature': header('webhook-signature'),
    });
    return true;
  } catch {
    return false;
  }
}

/** How often and how long to retry a partner that does not take a message. */
export interface RetryPolicy {
  firstRetryMs: number;
  capMs: number;
  /** Attempts before the message becomes a dead letter. */
  maxAttempts: number;
}

/** Connectors retry fast (a warehouse waits for its orders): 5 s doubling to 10 min, 12 attempts ≈ 1 h. */
export const CONNECTOR_RETRY: RetryPolicy = { firstRetryMs: 5_000, capMs: 10 * 60_000, maxAttempts: 12 };

/** When to try again after the `attempts`-th failed one, or null when it is time to give up. */
export function nextRetryAt(
  policy: RetryPolicy,
  attempts: number,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const wait = Math.min(policy.firstRetryMs * 2 ** (attempts - 1), policy.capMs);
  // Jitter spreads the retries of many messages that failed together (a partner's outage).
  return new Date(now.getTime() + Math.round(wait * (0.8 + 0.4 * random())));
}
