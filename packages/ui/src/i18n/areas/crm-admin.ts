// Customers (CRM): consumers and companies, matching across channels, merging, personal data export and erasure.
// Keys are prefixed by the area; every key needs both languages.
export const crmAdminSv = {
  'nav.customers': 'Kunder',
} as const;

export const crmAdminEn: Record<keyof typeof crmAdminSv, string> = {
  'nav.customers': 'Customers',
};
