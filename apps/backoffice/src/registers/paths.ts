// The registers area's own addresses below #/registers: a register, then a tab
// (#/registers/reg_1/receipts → { registerId: 'reg_1', tab: 'receipts' }).
import type { MessageKey } from '@handla/ui';

/** The parts of one register's page, in menu order. */
export const REGISTER_TABS = [
  { tab: 'pairing', label: 'registersAdmin.tab.pairing' },
  { tab: 'settings', label: 'registersAdmin.tab.settings' },
  { tab: 'receipts', label: 'registersAdmin.tab.receipts' },
  { tab: 'journal', label: 'registersAdmin.tab.journal' },
  { tab: 'reports', label: 'registersAdmin.tab.reports' },
  { tab: 'saft', label: 'registersAdmin.tab.saft' },
] as const satisfies readonly { tab: string; label: MessageKey }[];

export type RegisterTab = (typeof REGISTER_TABS)[number]['tab'];

/** The list (registerId null) or one register's tab (pairing when empty or unknown). */
export interface RegistersPlace {
  registerId: string | null;
  tab: RegisterTab;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Reads a sub-path such as "/reg_1/receipts". */
export function parseRegistersPath(subPath: string): RegistersPlace {
  const path = subPath.split('?')[0] ?? '';
  const [registerId = null, tabName = ''] = path.split('/').filter(Boolean).map(safeDecode);
  const tab = REGISTER_TABS.find((t) => t.tab === tabName)?.tab ?? 'pairing';
  return { registerId, tab };
}

/** The link to the list, or to a tab of one register. */
export function registersHref(registerId?: string, tab?: RegisterTab): string {
  if (!registerId) return '#/registers';
  return `#/registers/${[registerId, ...(tab ? [tab] : [])].map(encodeURIComponent).join('/')}`;
}
