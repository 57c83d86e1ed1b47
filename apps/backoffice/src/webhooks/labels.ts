// The event families a subscription can take whole, the event types in each, and status labels.
// Records rather than lists, so the compiler flags a family or status added to the contract but
// missing here — and only types come from the contract file, keeping its zod schemas out of the bundle.
import { EVENT_TYPES, type WEBHOOK_FAMILIES, type WebhookDelivery } from '@handla/api';
import type { MessageKey } from '@handla/ui';

export type Family = (typeof WEBHOOK_FAMILIES)[number];

const FAMILY_LABELS: Record<Family, { heading: MessageKey; name: MessageKey }> = {
  order: { heading: 'webhooksAdmin.familyHeading.order', name: 'webhooksAdmin.family.order' },
  stock: { heading: 'webhooksAdmin.familyHeading.stock', name: 'webhooksAdmin.family.stock' },
  product: { heading: 'webhooksAdmin.familyHeading.product', name: 'webhooksAdmin.family.product' },
  sale: { heading: 'webhooksAdmin.familyHeading.sale', name: 'webhooksAdmin.family.sale' },
  payment: { heading: 'webhooksAdmin.familyHeading.payment', name: 'webhooksAdmin.family.payment' },
};
const STATUS_LABELS: Record<WebhookDelivery['status'], MessageKey> = {
  pending: 'webhooksAdmin.deliveryStatus.pending',
  retrying: 'webhooksAdmin.deliveryStatus.retrying',
  delivered: 'webhooksAdmin.deliveryStatus.delivered',
  failed: 'webhooksAdmin.deliveryStatus.failed',
};

export const FAMILIES = Object.keys(FAMILY_LABELS) as Family[];
export const DELIVERY_STATUSES = Object.keys(STATUS_LABELS) as WebhookDelivery['status'][];

/** The exact event types of a family, e.g. order.placed … order.returned. */
export function typesOf(family: Family): string[] {
  return EVENT_TYPES.filter((type) => type.startsWith(`${family}.`));
}

export const familyHeading = (family: Family): MessageKey => FAMILY_LABELS[family].heading;
export const familyName = (family: Family): MessageKey => FAMILY_LABELS[family].name;
export const deliveryStatusLabel = (status: WebhookDelivery['status']): MessageKey => STATUS_LABELS[status];
