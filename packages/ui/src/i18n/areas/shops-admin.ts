// Back office: several web shops — name, host name, language, currency, price list, methods; OSS VAT. Keys are prefixed by the area; every key needs both languages.
export const shopsAdminSv = {
  'nav.shops': 'Webbshoppar',
} as const;

export const shopsAdminEn: Record<keyof typeof shopsAdminSv, string> = {
  'nav.shops': 'Web shops',
};
