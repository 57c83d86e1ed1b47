// Receipts put aside (the customer forgot something): kept in IndexedDB, resumed by anyone.
import { formatTime, useLocale, useT } from '@handla/ui';
import { useEffect, useState } from 'react';
import { useFormatAmount } from '../format';
import { listParked, type ParkedReceipt, removeParked } from '../offline/db';
import { useRegister } from '../register-context';
import { type Cart, itemCount } from '../sale/cart';

export function ParkedList({ canResume, onResume }: { canResume: boolean; onResume: (cart: Cart) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { db, setup } = useRegister();
  const formatAmount = useFormatAmount(setup.company.currency);
  const [parked, setParked] = useState<ParkedReceipt<Cart>[]>([]);

  useEffect(() => {
    void listParked(db).then((items) => setParked(items as ParkedReceipt<Cart>[]));
  }, [db]);

  async function resume(item: ParkedReceipt<Cart>) {
    await removeParked(db, item.id);
    onResume(item.draft);
  }

  return (
    <section className="card stack" aria-labelledby="parked-heading">
      <h2 id="parked-heading">{t('pos.parked.heading')}</h2>
      {!canResume && <p className="notice notice-warning">{t('pos.parked.busy')}</p>}
      {parked.length === 0 && <p>{t('pos.parked.none')}</p>}
      <ul className="plain-list">
        {parked.map((item) => (
          <li key={item.id} className="parked-item">
            <span>
              {t('pos.parked.label', {
                items: itemCount(item.draft),
                total: formatAmount(
                  item.draft.lines.reduce((s, l) => s + l.quantity * l.unitPriceInclVat, 0),
                ),
                time: formatTime(item.parkedAt, locale),
                cashier: item.cashierName,
              })}
            </span>
            <button type="button" className="button" disabled={!canResume} onClick={() => void resume(item)}>
              {t('pos.parked.resume')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
