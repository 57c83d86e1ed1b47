// Orders in the back office: every channel in one list, search, filters, the timeline, line edits until picking, API orders idempotent on their external reference.
// Keys are prefixed by the area; every key needs both languages.
export const ordersAdminSv = {
  'nav.orders': 'Ordrar',
} as const;

export const ordersAdminEn: Record<keyof typeof ordersAdminSv, string> = {
  'nav.orders': 'Orders',
};
