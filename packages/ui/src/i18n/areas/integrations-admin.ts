// Back office: the 3PL connector — connections, messages, dead letters with retry. Keys are prefixed by the area; every key needs both languages.
export const integrationsAdminSv = {
  'nav.integrations': 'Lager (3PL)',
} as const;

export const integrationsAdminEn: Record<keyof typeof integrationsAdminSv, string> = {
  'nav.integrations': 'Warehouse (3PL)',
};
