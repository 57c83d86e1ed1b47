// Back office: registers, device pairing, journals, Z reports, SAF-T.
// Keys are prefixed by the area (e.g. 'registersAdmin.title'); every key needs both languages.
export const registersAdminSv = {
  'nav.registers': 'Kassor',
} as const;

export const registersAdminEn: Record<keyof typeof registersAdminSv, string> = {
  'nav.registers': 'Registers',
};
