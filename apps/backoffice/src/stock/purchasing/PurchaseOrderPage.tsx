import type { PurchaseOrder } from '@handla/api';
import { ErrorNotice, formatDateTime, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useState } from 'react';
import { stockHref } from '../paths';
import { ConfirmButton } from '../shared/ConfirmButton';
import { Fact } from '../shared/Fact';
import { formatDay } from '../shared/format';
import { StatusBadge } from '../shared/StatusBadge';
import { useStockData } from '../shared/StockData';
import { StockError } from '../shared/StockError';
import { useAction } from '../shared/useAction';
import { useStockApi } from '../shared/useStockApi';
import { DeviationTable } from './DeviationTable';
import { OrderLines } from './OrderLines';
import { ReceiveDeliveryForm } from './ReceiveDeliveryForm';
import { useSuppliers } from './useSuppliers';

/** One purchase order: its lines and deviations, receiving deliveries, and closing it. */
export function PurchaseOrderPage({ id }: { id: string }) {
  const t = useT();
  const stock = useStockApi();
  const { locale } = useLocale();
  const { locationName, actorName } = useStockData();
  const { supplierName } = useSuppliers();
  const loaded = useLoader(useCallback(() => stock.getPurchaseOrder(id), [stock, id]));
  const [changed, setChanged] = useState<PurchaseOrder>();
  const order = changed && changed.version >= (loaded.data?.version ?? 0) ? changed : loaded.data;
  const action = useAction();
  const [done, setDone] = useState('');
  const isReceiving = order?.status === 'open' || order?.status === 'partially_received';

  async function change(call: (o: PurchaseOrder) => Promise<PurchaseOrder>, message: string) {
    if (!order) return false;
    setDone('');
    const result = await action.run(() => call(order));
    if (!result) return false;
    setChanged(result);
    setDone(message);
    return true;
  }

  function reload() {
    action.clearError();
    setChanged(undefined);
    setDone('');
    loaded.reload();
  }

  return (
    <>
      <a className="stock-back" href={stockHref('purchasing')}>
        ← {t('stockAdmin.purchasing.back')}
      </a>
      {loaded.error !== null && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {order && (
        <>
          <div className="stock-toolbar">
            <h2>{t('stockAdmin.purchasing.title', { supplier: supplierName(order.supplierId) })}</h2>
            <StatusBadge status={order.status} />
          </div>
          <dl className="facts">
            <Fact label={t('stockAdmin.purchasing.deliverTo')}>{locationName(order.locationId)}</Fact>
            <Fact label={t('stockAdmin.purchasing.expectedOn')}>{formatDay(order.expectedOn, locale)}</Fact>
            <Fact label={t('stockAdmin.col.created')}>
              {formatDateTime(order.createdAt, locale)} · {actorName(order.createdBy)}
            </Fact>
            {order.closedAt && (
              <Fact label={t('stockAdmin.purchasing.closedAt')}>
                {formatDateTime(order.closedAt, locale)}
              </Fact>
            )}
            {order.note && <Fact label={t('stockAdmin.col.note')}>{order.note}</Fact>}
            <Fact label={t('stockAdmin.col.id')}>
              <code>{order.id}</code>
            </Fact>
          </dl>
          <div role="status">{done && <p className="notice stock-done">{done}</p>}</div>
          {action.error !== null && <StockError error={action.error} onReload={reload} />}
          {isReceiving ? (
            <ReceiveDeliveryForm
              key={order.version}
              order={order}
              pending={action.pending}
              onReceive={(lines, isFinal) =>
                change(
                  (o) => stock.receivePurchaseOrder(o.id, o.version, { lines, isFinal }),
                  t('stockAdmin.purchasing.receivedDone'),
                )
              }
            />
          ) : (
            <OrderLines order={order} />
          )}
          <DeviationTable order={order} />
          {order.status !== 'closed' && (
            <div className="button-row">
              <ConfirmButton
                label={t('stockAdmin.purchasing.close')}
                warning={t(
                  order.status === 'partially_received'
                    ? 'stockAdmin.purchasing.closeWarningShort'
                    : order.status === 'open'
                      ? 'stockAdmin.purchasing.closeWarningNothing'
                      : 'stockAdmin.purchasing.closeWarningDone',
                )}
                confirmLabel={t('stockAdmin.purchasing.confirmClose')}
                pending={action.pending}
                onConfirm={async () => {
                  await change(
                    (o) => stock.closePurchaseOrder(o.id, o.version),
                    t('stockAdmin.purchasing.closedDone'),
                  );
                }}
              />
            </div>
          )}
        </>
      )}
    </>
  );
}
