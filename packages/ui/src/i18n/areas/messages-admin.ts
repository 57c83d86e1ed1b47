// Back office: the development outbox of mail and SMS.
// Keys are prefixed by the area (e.g. 'messagesAdmin.title'); every key needs both languages.
export const messagesAdminSv = {
  'nav.messages': 'Utskick',
} as const;

export const messagesAdminEn: Record<keyof typeof messagesAdminSv, string> = {
  'nav.messages': 'Messages',
};
