// Fulfilment: release to picking at once or in batches, pick lists and packing slips (PDF), packing by scan.
// Keys are prefixed by the area; every key needs both languages.
export const fulfilmentAdminSv = {
  'nav.fulfilment': 'Plock & pack',
} as const;

export const fulfilmentAdminEn: Record<keyof typeof fulfilmentAdminSv, string> = {
  'nav.fulfilment': 'Pick & pack',
};
