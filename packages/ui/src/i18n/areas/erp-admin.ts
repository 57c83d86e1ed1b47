// Back office: the ERP connector — orders, customers and daily sales sent, with their references. Keys are prefixed by the area; every key needs both languages.
export const erpAdminSv = {
  'nav.erp': 'Affärssystem',
} as const;

export const erpAdminEn: Record<keyof typeof erpAdminSv, string> = {
  'nav.erp': 'ERP',
};
