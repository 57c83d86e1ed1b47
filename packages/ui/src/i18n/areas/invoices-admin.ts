// Back office: invoices — unpaid list, payments (manual and bank file), reminders. Keys are prefixed by the area; every key needs both languages.
export const invoicesAdminSv = {
  'nav.invoices': 'Fakturor',
} as const;

export const invoicesAdminEn: Record<keyof typeof invoicesAdminSv, string> = {
  'nav.invoices': 'Invoices',
};
