// The SMS port. No provider is built in: every SMS lands in the development outbox, where the back
// office shows it. To plug in a provider, implement `SmsSender` — e.g. an HTTP provider configured
// by `SMS_URL` whose `send` POSTs `{ to, text }` and returns its message id, throwing on a non-2xx
// answer so the job retries with back-off — and pass it to `registerNotificationsRoutes`.

/** What became of one SMS: handed to a provider, or kept in the development outbox. */
export type SmsOutcome = { kind: 'sent'; providerMessageId: string } | { kind: 'dev_outbox' };

/** Sends one SMS to an E.164-ish number; throws when the provider refuses (the job retries). */
export interface SmsSender {
  send(sms: { to: string; text: string }): Promise<SmsOutcome>;
}

/** Keeps every SMS in the development outbox (the row itself holds the text). */
export const devOutboxSms: SmsSender = {
  send: async () => ({ kind: 'dev_outbox' }),
};
