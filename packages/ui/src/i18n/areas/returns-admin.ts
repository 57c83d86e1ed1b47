// Returns within the right of withdrawal and drop shipping: requests, inbound parcels, inspection, refunds; supplier orders.
// Keys are prefixed by the area; every key needs both languages.
export const returnsAdminSv = {
  'nav.returns': 'Returer',
} as const;

export const returnsAdminEn: Record<keyof typeof returnsAdminSv, string> = {
  'nav.returns': 'Returns',
};
