// Without SMTP_URL mail is rendered and kept in the development outbox, SMS always is (no provider
// is configured); the back office reads both, and a queued message shows as a preview.
import type { MessageDetail, MessageSummary } from '@handla/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';
import { decodeQrPng, fixtureOrder } from './notifications.fixture';
import { type QueuedMessage, queueMessage } from './notifications.queue';
import { claimDueMessages } from './notifications.store';

let t: TestApp;
let manager: string;

beforeAll(async () => {
  t = await createTestApp({ smtpUrl: undefined });
  manager = await signIn(t.app, 'manager');
});
afterAll(() => t?.close());

const queue = (message: QueuedMessage) => t.ctx.db.transaction((tx) => queueMessage(tx, t.ctx, message));
const send = async () => (await t.app.jobs.runOnce('notifications.send'))['notifications.send'];
const get = async <T>(url: string) => {
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie: manager } });
  expect(response.statusCode).toBe(200);
  return response.json<T>();
};

describe('the development outbox', () => {
  it('keeps mail rendered, with its QR code, and shows it to staff', async () => {
    const order = fixtureOrder({ id: 'ord_dev1', number: '3001', locale: 'en' });
    await queue({
      channel: 'email',
      to: 'anna@example.se',
      template: 'order_ready',
      locale: 'en',
      order,
      dedupeKey: 'order_ready:ord_dev1:email',
    });
    const [queued] = (await get<{ items: MessageSummary[] }>('/api/messages?orderId=ord_dev1')).items;
    const preview = await get<MessageDetail>(`/api/messages/${queued!.id}`);
    expect(preview).toMatchObject({
      status: 'queued',
      isPreview: true,
      subject: 'Order 3001 is ready for pickup',
    });

    expect(await send()).toBe(1);
    const detail = await get<MessageDetail>(`/api/messages/${queued!.id}`);
    expect(detail).toMatchObject({
      status: 'dev_outbox',
      isPreview: false,
      subject: 'Order 3001 is ready for pickup',
      providerMessageId: null,
    });
    expect(detail.sentAt).not.toBeNull();
    expect(detail.text).toContain('Pickup code: HX7K-42QP');
    expect(detail.text).toContain('Tuesday, 24 November, 15:00–15:30');
    expect(detail.html).toContain(`cid:${detail.inlineImages[0]!.cid}`);
    const png = Buffer.from(detail.inlineImages[0]!.dataUrl.split(',')[1]!, 'base64');
    expect(decodeQrPng(png)).toBe('HX7K-42QP');

    const outbox = await get<{ items: MessageSummary[] }>('/api/messages?status=dev_outbox&channel=email');
    expect(outbox.items.map((m) => m.id)).toContain(queued!.id);
  });

  it('keeps SMS there too: a short text with the store and the pickup code', async () => {
    const order = fixtureOrder({ id: 'ord_dev2', number: '3002' });
    await queue({
      channel: 'sms',
      to: '+46701234567',
      template: 'order_confirmation',
      locale: 'sv',
      order,
      dedupeKey: 'order_confirmation:ord_dev2:sms',
    });
    expect(await send()).toBe(1);
    const [sms] = (await get<{ items: MessageSummary[] }>('/api/messages?channel=sms&orderId=ord_dev2'))
      .items;
    const detail = await get<MessageDetail>(`/api/messages/${sms!.id}`);
    expect(detail).toMatchObject({ status: 'dev_outbox', subject: null, html: null, inlineImages: [] });
    expect(detail.text).toBe(
      'Tack för order 3002! Hämta i Demo Butik Stockholm, Drottninggatan 1, 111 51 Stockholm, ' +
        'tisdag 24 november kl. 15:00–15:30. Kod: HX7K-42QP. ' +
        order.statusUrl,
    );
  });

  it('sends again a message whose sender died after claiming it, once the claim has expired', async () => {
    const order = fixtureOrder({ id: 'ord_dev3', number: '3003' });
    const dedupeKey = 'order_confirmation:ord_dev3:email';
    await queue({
      channel: 'email',
      to: 'a@example.se',
      template: 'order_confirmation',
      locale: 'sv',
      order,
      dedupeKey,
    });
    const now = t.ctx.clock();
    // a process claims it and dies before recording anything
    const claimed = await t.ctx.db.transaction((tx) => claimDueMessages(tx, now, 50, 60_000));
    expect(claimed.map((m) => m.dedupeKey)).toContain(dedupeKey);
    expect(await send()).toBe(0);
    const realClock = t.ctx.clock;
    t.ctx.clock = () => new Date(now.getTime() + 61_000);
    try {
      expect(await send()).toBe(1);
    } finally {
      t.ctx.clock = realClock;
    }
    const [row] = await t.ctx.db.query<{ status: string; attempts: number }>(
      'select status, attempts from outgoing_messages where dedupe_key = $1',
      [dedupeKey],
    );
    expect(row).toEqual({ status: 'dev_outbox', attempts: 2 });
  });
});
