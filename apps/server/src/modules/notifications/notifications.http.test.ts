// Queued messages go out through a real SMTP server (in-process smtp-server), with the QR code
// inline; repeats are ignored; a refusing server is retried with back-off; reminders wait for
// their time; two concurrent job runs never send a message twice; staff read it all over HTTP.
import type { MessageDetail, MessageSummary } from '@handla/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';
import { decodeQrPng, fixtureOrder, startTestSmtp, type TestSmtp } from './notifications.fixture';
import { cancelQueuedMessages, type QueuedMessage, queueMessage } from './notifications.queue';
import { FIRST_RETRY_MS, MAX_ATTEMPTS } from './notifications.send';

let smtp: TestSmtp;
let t: TestApp;
let manager: string;
let realClock: () => Date;

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ smtpUrl: smtp.url });
  manager = await signIn(t.app, 'manager');
  realClock = t.ctx.clock;
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

let counter = 0;
/** A confirmation to a recipient of its own, so each test finds its mail among all. */
function confirmation(over: Partial<QueuedMessage> = {}): QueuedMessage {
  counter += 1;
  const order = fixtureOrder({ id: `ord_t${counter}`, number: String(2000 + counter) });
  return {
    channel: 'email',
    to: `shopper${counter}@example.se`,
    template: 'order_confirmation',
    locale: 'sv',
    order,
    dedupeKey: `order_confirmation:${order.id}:email`,
    ...over,
  };
}

const queue = (message: QueuedMessage) => t.ctx.db.transaction((tx) => queueMessage(tx, t.ctx, message));
const send = async () => (await t.app.jobs.runOnce('notifications.send'))['notifications.send'];
const mailsTo = (address: string) => smtp.mails.filter((m) => smtp.recipientsOf(m).includes(address));
const rowOf = async (dedupeKey: string) => {
  const [row] = await t.ctx.db.query<{
    id: string;
    status: string;
    attempts: number;
    lastError: string | null;
  }>(`select id, status, attempts, last_error as "lastError" from outgoing_messages where dedupe_key = $1`, [
    dedupeKey,
  ]);
  return row!;
};
/** Moves the app's clock; jobs read it. */
const setClock = (at: Date) => {
  t.ctx.clock = () => at;
};
const restoreClock = () => {
  t.ctx.clock = realClock;
};

describe('the order confirmation by mail', () => {
  it('arrives with the order number, VAT per rate, the status link and a QR code of the pickup code', async () => {
    const message = confirmation();
    await queue(message);
    expect(await send()).toBe(1);

    const [mail] = mailsTo(message.to);
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe(`Orderbekräftelse ${message.order.number}`);
    expect(mail!.from?.text).toContain('butik@demo.handla.se');
    const text = mail!.text ?? '';
    expect(text).toContain(`Ordernummer: ${message.order.number}`);
    expect(text).toContain('Demo Butik Stockholm, Drottninggatan 1, 111 51 Stockholm');
    expect(text).toContain('tisdag 24 november kl. 15:00–15:30');
    expect(text).toMatch(/2 × T-shirt \(Svart, M\)\s+398,00\s+kr/);
    expect(text).toMatch(/Totalt: 547,00\s+kr/);
    expect(text).toMatch(/varav moms 25 % \(på 398,00\s+kr\): 79,60\s+kr/);
    expect(text).toMatch(/varav moms 6 % \(på 149,00\s+kr\): 8,43\s+kr/);
    expect(text).toContain(message.order.statusUrl);

    const qr = mail!.attachments.find((a) => a.contentType === 'image/png');
    expect(qr?.cid).toBeTruthy();
    expect(mail!.html).toContain(`cid:${qr!.cid}`);
    expect(decodeQrPng(qr!.content)).toBe(message.order.pickupCode);

    const row = await rowOf(message.dedupeKey);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    const [event] = await t.ctx.db.query<{ data: { template: string; status: string } }>(
      `select data from outbox_events where type = 'message.sent' and aggregate_id = $1`,
      [row.id],
    );
    expect(event?.data).toMatchObject({ template: 'order_confirmation', status: 'sent' });
  });

  it('is sent once when queued twice with the same dedupe key', async () => {
    const message = confirmation();
    await queue(message);
    await queue({ ...message, to: 'someone-else@example.se' });
    await send();
    await send();
    expect(mailsTo(message.to)).toHaveLength(1);
    expect(mailsTo('someone-else@example.se')).toHaveLength(0);
  });

  it('is retried with back-off while the server refuses, then sent', async () => {
    const message = confirmation();
    await queue(message);
    smtp.refuse = true;
    try {
      expect(await send()).toBe(0);
      expect(await rowOf(message.dedupeKey)).toMatchObject({ status: 'queued', attempts: 1 });
      expect((await rowOf(message.dedupeKey)).lastError).toContain('451');
      smtp.refuse = false;
      // not due again until the back-off has passed
      expect(await send()).toBe(0);
      // the failure was recorded at the real time; the retry is due a back-off later
      setClock(new Date(realClock().getTime() + FIRST_RETRY_MS + 1_000));
      expect(await send()).toBe(1);
    } finally {
      smtp.refuse = false;
      restoreClock();
    }
    expect(mailsTo(message.to)).toHaveLength(1);
    expect(await rowOf(message.dedupeKey)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it(`gives up after ${MAX_ATTEMPTS} refused attempts and announces message.failed`, async () => {
    const message = confirmation();
    await queue(message);
    smtp.refuse = true;
    try {
      let at = realClock().getTime();
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        setClock(new Date(at));
        expect(await send()).toBe(0);
        at += FIRST_RETRY_MS * 2 ** (attempt - 1) + 1_000;
      }
      setClock(new Date(at + 24 * 3_600_000));
      expect(await send()).toBe(0);
    } finally {
      smtp.refuse = false;
      restoreClock();
    }
    const row = await rowOf(message.dedupeKey);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    const events = await t.ctx.db.query(
      `select 1 from outbox_events where type = 'message.failed' and aggregate_id = $1`,
      [row.id],
    );
    expect(events).toHaveLength(1);
  });
});

describe('reminders', () => {
  it('waits until sendAfter, and a cancelled one is never sent', async () => {
    const due = new Date(realClock().getTime() + 2 * 3_600_000);
    const kept = confirmation({ template: 'pickup_reminder', sendAfter: due });
    const cancelled = confirmation({ template: 'pickup_reminder', sendAfter: due });
    await queue(kept);
    await queue(cancelled);
    const prefix = `order_confirmation:${cancelled.order.id}:`;
    expect(await t.ctx.db.transaction((tx) => cancelQueuedMessages(tx, prefix))).toBe(1);

    expect(await send()).toBe(0);
    expect(mailsTo(kept.to)).toHaveLength(0);
    try {
      setClock(new Date(due.getTime() - 1_000));
      expect(await send()).toBe(0);
      setClock(due);
      expect(await send()).toBe(1);
    } finally {
      restoreClock();
    }
    const [mail] = mailsTo(kept.to);
    expect(mail?.subject).toBe(`Påminnelse: hämta order ${kept.order.number}`);
    expect(mailsTo(cancelled.to)).toHaveLength(0);
    expect(await rowOf(cancelled.dedupeKey)).toMatchObject({ status: 'cancelled', attempts: 0 });
  });
});

describe('two job runs at once', () => {
  it('send each of 12 messages exactly once', async () => {
    const messages = Array.from({ length: 12 }, () => confirmation());
    for (const m of messages) await queue(m);
    const [a, b] = await Promise.all([send(), send()]);
    expect(a! + b!).toBe(12);
    for (const m of messages) expect(mailsTo(m.to)).toHaveLength(1);
  });
});

describe('GET /api/messages', () => {
  it('lists messages for managers, filtered and paged; cashiers are refused', async () => {
    const message = confirmation();
    await queue(message);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/messages?orderId=${message.order.id}`,
      headers: { cookie: manager },
    });
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: MessageSummary[] }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'queued', orderNumber: message.order.number, subject: null });

    const first = await t.app.inject({
      method: 'GET',
      url: '/api/messages?status=sent&limit=2',
      headers: { cookie: manager },
    });
    const page1 = first.json<{ items: MessageSummary[]; nextCursor: string | null }>();
    expect(page1.items).toHaveLength(2);
    expect(page1.items.every((m) => m.status === 'sent')).toBe(true);
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/messages?status=sent&limit=2&cursor=${page1.nextCursor}`,
      headers: { cookie: manager },
    });
    const page2 = second.json<{ items: MessageSummary[] }>();
    expect(page2.items.map((m) => m.id)).not.toContain(page1.items[0]!.id);
    expect(page2.items[0]!.createdAt <= page1.items[1]!.createdAt).toBe(true);

    const cashier = await signIn(t.app, 'cashier');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/messages', headers: { cookie: cashier } })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/messages' })).statusCode).toBe(401);
  });

  it('refuses a bad filter or cursor naming the field', async () => {
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/messages?status=lost',
      headers: { cookie: manager },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('status');
    const cursor = await t.app.inject({
      method: 'GET',
      url: '/api/messages?cursor=nonsense',
      headers: { cookie: manager },
    });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors).toEqual([{ field: 'cursor', message: 'Not a cursor from this list' }]);
  });

  it('shows one sent message as it went out, with the QR code as a data URL', async () => {
    const message = confirmation();
    await queue(message);
    await send();
    const { id } = await rowOf(message.dedupeKey);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/messages/${id}`,
      headers: { cookie: manager },
    });
    expect(response.statusCode).toBe(200);
    const detail = response.json<MessageDetail>();
    const [mail] = mailsTo(message.to);
    expect(detail).toMatchObject({ status: 'sent', isPreview: false, subject: mail!.subject });
    expect(detail.text.trim()).toBe(mail!.text?.trim());
    const [image] = detail.inlineImages;
    expect(detail.html).toContain(`cid:${image!.cid}`);
    const png = Buffer.from(image!.dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(decodeQrPng(png)).toBe(message.order.pickupCode);

    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/messages/msg_nope',
      headers: { cookie: manager },
    });
    expect(missing.statusCode).toBe(404);
  });
});
