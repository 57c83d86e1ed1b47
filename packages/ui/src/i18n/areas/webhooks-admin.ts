// Back office: webhook subscriptions, the delivery log and redelivery.
// Keys are prefixed by the area; every key needs both languages.
export const webhooksAdminSv = {
  'nav.webhooks': 'Webhooks',
} as const;

export const webhooksAdminEn: Record<keyof typeof webhooksAdminSv, string> = {
  'nav.webhooks': 'Webhooks',
};
