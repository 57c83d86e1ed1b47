// Back office: pickup times per store.
// Keys are prefixed by the area (e.g. 'pickupAdmin.title'); every key needs both languages.
export const pickupAdminSv = {
  'nav.pickup': 'Upphämtning',
} as const;

export const pickupAdminEn: Record<keyof typeof pickupAdminSv, string> = {
  'nav.pickup': 'Pickup times',
};
