import type { StockTransfer } from '@handla/api';
import { ErrorNotice, formatDateTime, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useState } from 'react';
import { stockHref } from '../paths';
import { ConfirmButton } from '../shared/ConfirmButton';
import { Fact } from '../shared/Fact';
import { StatusBadge } from '../shared/StatusBadge';
import { useStockData } from '../shared/StockData';
import { StockError } from '../shared/StockError';
import { useAction } from '../shared/useAction';
import { useStockApi } from '../shared/useStockApi';
import { DraftEditor } from './DraftEditor';
import { ReceiveTransferForm } from './ReceiveTransferForm';
import { TransferLines } from './TransferLines';

/** One transfer: where from and to, its lines, and what can be done with it in its status. */
export function TransferPage({ id }: { id: string }) {
  const t = useT();
  const stock = useStockApi();
  const { locale } = useLocale();
  const { locationName, actorName } = useStockData();
  const loaded = useLoader(useCallback(() => stock.getTransfer(id), [stock, id]));
  // The answer of the last change replaces what was loaded, so the page shows it without a reload.
  const [changed, setChanged] = useState<StockTransfer>();
  const transfer = changed && changed.version >= (loaded.data?.version ?? 0) ? changed : loaded.data;
  const action = useAction();
  const [done, setDone] = useState('');
  const [isEditing, setEditing] = useState(false);

  async function change(call: (t: StockTransfer) => Promise<StockTransfer>, message: string) {
    if (!transfer) return;
    setDone('');
    const result = await action.run(() => call(transfer));
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
      <a className="stock-back" href={stockHref('transfers')}>
        ← {t('stockAdmin.transfers.back')}
      </a>
      {loaded.error !== null && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {transfer && (
        <>
          <div className="stock-toolbar">
            <h2>
              {t('stockAdmin.transfers.title', {
                from: locationName(transfer.fromLocationId),
                to: locationName(transfer.toLocationId),
              })}
            </h2>
            <StatusBadge status={transfer.status} />
          </div>
          <dl className="facts">
            <Fact label={t('stockAdmin.col.created')}>
              {formatDateTime(transfer.createdAt, locale)} · {actorName(transfer.createdBy)}
            </Fact>
            {transfer.sentAt && (
              <Fact label={t('stockAdmin.transfers.sentAt')}>{formatDateTime(transfer.sentAt, locale)}</Fact>
            )}
            {transfer.receivedAt && (
              <Fact label={t('stockAdmin.transfers.receivedAt')}>
                {formatDateTime(transfer.receivedAt, locale)}
              </Fact>
            )}
            {transfer.note && <Fact label={t('stockAdmin.col.note')}>{transfer.note}</Fact>}
            <Fact label={t('stockAdmin.col.id')}>
              <code>{transfer.id}</code>
            </Fact>
          </dl>
          <div role="status">{done && <p className="notice stock-done">{done}</p>}</div>
          {action.error !== null && (
            <StockError error={action.error} onReload={reload} lines={transfer.lines} />
          )}
          {transfer.status === 'sent' ? (
            <ReceiveTransferForm
              transfer={transfer}
              pending={action.pending}
              onReceive={(lines) =>
                change(
                  (tr) => stock.receiveTransfer(tr.id, tr.version, { lines }),
                  t('stockAdmin.transfers.receivedDone'),
                )
              }
            />
          ) : (
            !isEditing && <TransferLines transfer={transfer} />
          )}
          {transfer.status === 'draft' && isEditing && (
            <DraftEditor
              transfer={transfer}
              pending={action.pending}
              onClose={() => setEditing(false)}
              onSave={async (body) => {
                const isSaved = await change(
                  (tr) => stock.updateTransfer(tr.id, tr.version, body),
                  t('stockAdmin.transfers.savedDone'),
                );
                if (isSaved) setEditing(false);
              }}
            />
          )}
          {transfer.status === 'draft' && !isEditing && (
            <div className="button-row">
              <button
                type="button"
                className="button button-primary"
                disabled={action.pending}
                onClick={() =>
                  change((tr) => stock.sendTransfer(tr.id, tr.version), t('stockAdmin.transfers.sentDone'))
                }
              >
                {t('stockAdmin.transfers.send')}
              </button>
              <button
                type="button"
                className="button"
                disabled={action.pending}
                onClick={() => setEditing(true)}
              >
                {t('stockAdmin.transfers.edit')}
              </button>
              <ConfirmButton
                label={t('stockAdmin.transfers.cancel')}
                warning={t('stockAdmin.transfers.cancelWarning')}
                confirmLabel={t('stockAdmin.transfers.confirmCancel')}
                pending={action.pending}
                onConfirm={() =>
                  change(
                    (tr) => stock.cancelTransfer(tr.id, tr.version),
                    t('stockAdmin.transfers.cancelledDone'),
                  )
                }
              />
            </div>
          )}
        </>
      )}
    </>
  );
}
