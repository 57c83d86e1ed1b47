// Status and kind labels of the integrations page. Records rather than lists, so the compiler
// flags a status added to the contract but missing here.
import type { ConnectorMessage, DeadLetter } from '@handla/api';
import type { MessageKey } from '@handla/ui';

const MESSAGE_STATUS: Record<ConnectorMessage['status'], MessageKey> = {
  pending: 'integrationsAdmin.msgStatus.pending',
  sending: 'integrationsAdmin.msgStatus.sending',
  retrying: 'integrationsAdmin.msgStatus.retrying',
  sent: 'integrationsAdmin.msgStatus.sent',
  dead: 'integrationsAdmin.msgStatus.dead',
  applying: 'integrationsAdmin.msgStatus.applying',
  held: 'integrationsAdmin.msgStatus.held',
  applied: 'integrationsAdmin.msgStatus.applied',
  dead_lettered: 'integrationsAdmin.msgStatus.dead_lettered',
};

const LETTER_STATUS: Record<DeadLetter['status'], MessageKey> = {
  open: 'integrationsAdmin.letterStatus.open',
  resolved: 'integrationsAdmin.letterStatus.resolved',
  dismissed: 'integrationsAdmin.letterStatus.dismissed',
};

// Kinds other modules file (an ERP's) show as they are named.
const LETTER_KIND: Record<string, MessageKey> = {
  'wms.inbound': 'integrationsAdmin.letterKind.wms.inbound',
  'wms.outbound': 'integrationsAdmin.letterKind.wms.outbound',
};

export const messageStatusLabel = (s: ConnectorMessage['status']): MessageKey => MESSAGE_STATUS[s];
export const letterStatusLabel = (s: DeadLetter['status']): MessageKey => LETTER_STATUS[s];
export const letterKindLabel = (kind: string): MessageKey | null => LETTER_KIND[kind] ?? null;
export const directionLabel = (d: ConnectorMessage['direction']): MessageKey =>
  d === 'out' ? 'integrationsAdmin.direction.out' : 'integrationsAdmin.direction.in';
