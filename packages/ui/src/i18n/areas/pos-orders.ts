// Register: the click & collect queue, working an order, hand-over and web-order returns.
// Keys are prefixed by the area; every key needs both languages.
export const posOrdersSv = {
  'pos.orders.nav': 'Webbordrar',
  'pos.orders.handoverNav': 'Utlämning',
} as const;

export const posOrdersEn: Record<keyof typeof posOrdersSv, string> = {
  'pos.orders.nav': 'Web orders',
  'pos.orders.handoverNav': 'Hand-over',
};
