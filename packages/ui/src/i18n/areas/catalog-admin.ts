// Back office: catalog, prices, VAT and CSV import/export.
export const catalogAdminSv = {
  'nav.catalog': 'Katalog',
} as const;

export const catalogAdminEn: Record<keyof typeof catalogAdminSv, string> = {
  'nav.catalog': 'Catalog',
};
