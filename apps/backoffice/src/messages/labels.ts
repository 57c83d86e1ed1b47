// The message keys of channels, statuses and templates, for tables, filters and the detail view.
import type { MessageChannel, MessageStatus, MessageTemplateName } from '@handla/api';
import type { MessageKey } from '@handla/ui';

export const CHANNELS: readonly MessageChannel[] = ['email', 'sms'];
export const STATUSES: readonly MessageStatus[] = [
  'queued',
  'sending',
  'sent',
  'failed',
  'cancelled',
  'dev_outbox',
];

export const channelLabel = (c: MessageChannel): MessageKey => `messagesAdmin.channel.${c}`;
export const statusLabel = (s: MessageStatus): MessageKey => `messagesAdmin.status.${s}`;
export const templateLabel = (t: MessageTemplateName): MessageKey => `messagesAdmin.template.${t}`;
