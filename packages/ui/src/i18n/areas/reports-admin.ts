// Sales reports: dashboards with charts per day, hour, store, register, channel, salesperson, product and category; CSV and Excel export.
// Keys are prefixed by the area; every key needs both languages.
export const reportsAdminSv = {
  'nav.reports': 'Rapporter',
} as const;

export const reportsAdminEn: Record<keyof typeof reportsAdminSv, string> = {
  'nav.reports': 'Reports',
};
