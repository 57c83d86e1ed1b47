// The stock area of the back office: levels and history, transfers, counts, purchasing, replenishment.
import { useT } from '@handla/ui';

/** The stock area; its sections are addressed by the sub-path (#/stock/…). */
export function StockArea() {
  const t = useT();
  return <h1>{t('nav.stock')}</h1>;
}
