import type { StockChangeResult } from '@handla/api';
import { useLocale, useT } from '@handla/ui';
import { formatSigned, formatUnits } from '../shared/format';

/** What the last adjustment or receipt did, read out politely by screen readers. */
export function ChangeNotice({
  change,
}: {
  change: { result: StockChangeResult; kind: 'adjust' | 'receive' } | undefined;
}) {
  const t = useT();
  const { locale } = useLocale();
  const movement = change?.result.movements[0];
  const level = change?.result.levels.find((l) => l.skuId === movement?.skuId) ?? change?.result.levels[0];
  return (
    <div role="status">
      {change && movement && level && (
        <p className="notice stock-done">
          {t(change.kind === 'adjust' ? 'stockAdmin.adjust.done' : 'stockAdmin.receive.done', {
            quantity: formatSigned(movement.quantity, locale),
            onHand: formatUnits(level.onHand, locale),
          })}
        </p>
      )}
    </div>
  );
}
