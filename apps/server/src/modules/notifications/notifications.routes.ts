// Routes of the notifications module (the back office's message list and development outbox) and
// its job, `notifications.send`, which delivers what other modules queued.
import { MessageDetail, MessageListQuery, MessageSummary, Problem, page } from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { MANAGERS } from '../../http/access';
import type { ModuleEnv } from '../module-env';
import { createSmtpMailer } from './mailer';
import { type Senders, sendDueMessages } from './notifications.send';
import { getOutgoingMessage, listOutgoingMessages } from './notifications.service';
import { devOutboxSms, type SmsSender } from './sms';

const tags = ['messages'];
const Params = z.strictObject({ id: z.string().min(1).max(100) });
// Due messages are picked up within this; a queued confirmation goes out seconds after checkout.
const SEND_EVERY_MS = 2_000;

/** Registers the routes and the send job; `sms` is the SMS port (the development outbox unless given). */
export function registerNotificationsRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  env: ModuleEnv,
  sms: SmsSender = devOutboxSms,
) {
  const senders: Senders = {
    mail: env.config.smtpUrl ? createSmtpMailer(env.config.smtpUrl, env.config.mailFrom) : null,
    sms,
  };
  app.addHook('onClose', async () => senders.mail?.close());
  // The context's clock rather than the scheduler's `now`: the same clock in production, and the
  // one a test moves forward to make a reminder or a retry due.
  env.jobs.add({
    name: 'notifications.send',
    everyMs: SEND_EVERY_MS,
    run: () => sendDueMessages(ctx, senders, ctx.clock()),
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/messages', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: 'Mail and SMS to shoppers, newest first: queued, sent, failed and the development outbox',
      querystring: MessageListQuery,
      response: { 200: page(MessageSummary), 400: Problem },
    },
    handler: async (request) => listOutgoingMessages(ctx, request.query),
  });
  r.get('/api/messages/:id', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: 'One message as the shopper gets it: subject, text, HTML and the QR code as a data URL',
      params: Params,
      response: { 200: MessageDetail, 404: Problem },
    },
    handler: async (request) => getOutgoingMessage(ctx, request.params.id),
  });
}
