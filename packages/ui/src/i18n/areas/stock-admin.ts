// Back office: stock levels and history, transfers, counts, purchasing and replenishment.
export const stockAdminSv = {
  'nav.stock': 'Lager',
} as const;

export const stockAdminEn: Record<keyof typeof stockAdminSv, string> = {
  'nav.stock': 'Stock',
};
