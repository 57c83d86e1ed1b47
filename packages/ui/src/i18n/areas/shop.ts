// The web shop: catalog, cart, checkout, order status and accounts.
// Keys are prefixed by the area (e.g. 'shop.title'); every key needs both languages.
export const shopSv = {} as const;

export const shopEn: Record<keyof typeof shopSv, string> = {};
