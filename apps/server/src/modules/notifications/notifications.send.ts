// The `notifications.send` job: claim due messages, render, send, record. Safe in several server
// processes at once (claims use `for update skip locked`); delivery is at least once — a process
// that dies between sending and recording leaves the claim to expire and the message is sent again.
import type { Order } from '@handla/api';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import type { MailSender } from './mailer';
import {
  claimDueMessages,
  type MessageRow,
  type Rendered,
  recordDelivered,
  recordFailure,
} from './notifications.store';
import type { SmsSender } from './sms';
import { attachmentsOf } from './templates/attachments';
import { renderMessage } from './templates/render';

/** Where messages go: SMTP (null: the development outbox) and the SMS port. */
export interface Senders {
  mail: MailSender | null;
  sms: SmsSender;
}

/** Attempts before a message is given up as `failed` (and `message.failed` is emitted). */
export const MAX_ATTEMPTS = 5;
/** The wait before the first retry; each further one doubles it: 1, 2, 4, 8 minutes. */
export const FIRST_RETRY_MS = 60_000;
// Longer than the mailer's worst-case timeouts, so a slow send is not claimed twice.
const CLAIM_LEASE_MS = 5 * 60_000;
const BATCH_SIZE = 20;

/** When the next attempt may start after `attempts` failed ones, or null when it is time to give up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + FIRST_RETRY_MS * 2 ** (attempts - 1));
}

type Delivery =
  | { status: 'sent'; providerMessageId: string; rendered: Rendered }
  | { status: 'dev_outbox'; rendered: Rendered };

async function deliver(row: MessageRow, senders: Senders): Promise<Delivery> {
  const message = await renderMessage({
    channel: row.channel,
    template: row.template,
    locale: row.locale,
    order: row.payload,
  });
  const rendered = { subject: message.subject, text: message.text, html: message.html };
  if (row.channel === 'sms') {
    const outcome = await senders.sms.send({ to: row.to, text: message.text });
    return outcome.kind === 'sent'
      ? { status: 'sent', providerMessageId: outcome.providerMessageId, rendered }
      : { status: 'dev_outbox', rendered };
  }
  if (!senders.mail) return { status: 'dev_outbox', rendered };
  const { providerMessageId } = await senders.mail.send({
    to: row.to,
    subject: message.subject ?? '',
    text: message.text,
    html: message.html ?? '',
    inlineImages: message.inlineImages,
    attachments: await attachmentsOf(row.template, row.payload),
  });
  return { status: 'sent', providerMessageId, rendered };
}

function eventOf(row: MessageRow, data: Record<string, unknown>) {
  // Optional: an invoice mail's payload is no order (invoices/invoices.mail.ts).
  const f = row.payload.fulfilment as Order['fulfilment'] | undefined;
  return {
    aggregateType: 'message',
    aggregateId: row.id,
    storeId: f?.kind === 'pickup' ? f.store.id : null,
    data: { messageId: row.id, channel: row.channel, template: row.template, orderId: row.orderId, ...data },
  };
}

async function recordOutcome(tx: Queryable, row: MessageRow, result: Delivery | Error, now: Date) {
  if (!(result instanceof Error)) {
    const providerMessageId = result.status === 'sent' ? result.providerMessageId : null;
    const recorded = await recordDelivered(tx, row.id, row.attempts, {
      ...result,
      providerMessageId,
      at: now,
    });
    if (recorded)
      await emitEvent(tx, { type: 'message.sent', ...eventOf(row, { status: result.status }) }, now);
    return recorded;
  }
  const retryAt = nextAttemptAt(row.attempts, now);
  const recorded = await recordFailure(tx, row.id, row.attempts, result.message, retryAt);
  if (recorded && !retryAt) {
    const data = { attempts: row.attempts, error: result.message };
    await emitEvent(tx, { type: 'message.failed', ...eventOf(row, data) }, now);
  }
  return false;
}

/** Sends what is due at `now`; returns how many messages went out (or into the development outbox). */
export async function sendDueMessages(ctx: AppContext, senders: Senders, now: Date): Promise<number> {
  const claimed = await ctx.db.transaction((tx) => claimDueMessages(tx, now, BATCH_SIZE, CLAIM_LEASE_MS));
  let delivered = 0;
  for (const row of claimed) {
    const result = await deliver(row, senders).catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
    if (await ctx.db.transaction((tx) => recordOutcome(tx, row, result, now))) delivered += 1;
  }
  return delivered;
}
