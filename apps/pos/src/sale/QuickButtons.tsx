import type { RegisterQuickButton } from '@handla/api';
import { useT } from '@handla/ui';

/** Big buttons for items without a barcode (a bag, a coffee). */
export function QuickButtons({
  buttons,
  onPick,
}: {
  buttons: RegisterQuickButton[];
  onPick: (skuId: string) => void;
}) {
  const t = useT();
  if (buttons.length === 0) return null;
  return (
    <section aria-label={t('pos.quick.label')} className="quick-buttons">
      {buttons.map((b) => (
        <button key={b.skuId} type="button" className="button quick-button" onClick={() => onPick(b.skuId)}>
          {b.label}
        </button>
      ))}
    </section>
  );
}
