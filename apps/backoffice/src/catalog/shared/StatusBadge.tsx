import type { CatalogStatus } from '@handla/api';
import { type MessageKey, useT } from '@handla/ui';

/** The statuses in the order a select offers them. */
export const STATUSES: readonly CatalogStatus[] = ['active', 'hidden', 'discontinued'];

/** The dictionary key of a status's name. */
export const statusKey = (status: CatalogStatus): MessageKey => `catalogAdmin.status.${status}`;

/** A status as a small label; colour is never the only signal, the word is always there. */
export function StatusBadge({ status }: { status: CatalogStatus }) {
  const t = useT();
  return <span className={`badge badge-${status}`}>{t(statusKey(status))}</span>;
}
