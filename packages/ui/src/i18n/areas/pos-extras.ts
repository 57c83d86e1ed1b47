// Register: gift cards sold and topped up, vouchers, the linked card terminal, pro-forma prints and the drawer.
// Keys are prefixed by the area; every key needs both languages.
export const posExtrasSv = {
  'pos.extras.giftCardSell': 'Sälj presentkort',
} as const;

export const posExtrasEn: Record<keyof typeof posExtrasSv, string> = {
  'pos.extras.giftCardSell': 'Sell gift card',
};
