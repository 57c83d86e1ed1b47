// Promotions: automatic rules and coupon codes, one engine in the core for the shop and the register.
// Keys are prefixed by the area; every key needs both languages.
export const promotionsAdminSv = {
  'nav.promotions': 'Kampanjer',
} as const;

export const promotionsAdminEn: Record<keyof typeof promotionsAdminSv, string> = {
  'nav.promotions': 'Promotions',
};
