import type { MovementKind } from '@handla/api';
import type { MessageKey } from '@handla/ui';

/** The ledger's movement kinds, with their words, in the order the filter offers them. */
export const MOVEMENT_KINDS: readonly { kind: MovementKind; label: MessageKey }[] = [
  { kind: 'receive', label: 'stockAdmin.kind.receive' },
  { kind: 'sell', label: 'stockAdmin.kind.sell' },
  { kind: 'return', label: 'stockAdmin.kind.return' },
  { kind: 'adjust', label: 'stockAdmin.kind.adjust' },
  { kind: 'transfer_out', label: 'stockAdmin.kind.transfer_out' },
  { kind: 'transfer_in', label: 'stockAdmin.kind.transfer_in' },
  { kind: 'count', label: 'stockAdmin.kind.count' },
];

/** The word for a movement kind. */
export function kindLabel(kind: MovementKind): MessageKey {
  return MOVEMENT_KINDS.find((k) => k.kind === kind)?.label ?? 'stockAdmin.kind.adjust';
}
