// The register: selling, paying, receipts, returns, cash and reports, offline.
// Keys are prefixed by the area (e.g. 'pos.title'); every key needs both languages.
export const posSv = {} as const;

export const posEn: Record<keyof typeof posSv, string> = {};
