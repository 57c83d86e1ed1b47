import { type MessageKey, useT } from '@handla/ui';

const STATUS: Record<string, { label: MessageKey; tone: 'open' | 'done' | 'off' | 'busy' }> = {
  draft: { label: 'stockAdmin.status.draft', tone: 'open' },
  sent: { label: 'stockAdmin.status.sent', tone: 'busy' },
  received: { label: 'stockAdmin.status.received', tone: 'done' },
  cancelled: { label: 'stockAdmin.status.cancelled', tone: 'off' },
  open: { label: 'stockAdmin.status.open', tone: 'open' },
  completed: { label: 'stockAdmin.status.completed', tone: 'done' },
  partially_received: { label: 'stockAdmin.status.partially_received', tone: 'busy' },
  closed: { label: 'stockAdmin.status.closed', tone: 'off' },
};

/** A document's status as a word with a colour; the word alone carries the meaning. */
export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  const known = STATUS[status];
  return (
    <span className={`stock-badge stock-badge-${known?.tone ?? 'off'}`}>
      {known ? t(known.label) : status}
    </span>
  );
}
