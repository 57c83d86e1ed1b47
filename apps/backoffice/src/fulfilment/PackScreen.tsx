// The packing table: open an order (scan its packing slip's barcode or type the number), then scan
// each item; a wrong or extra scan is refused out loud (role=alert), progress shows per line.
import { ApiError, type Packing } from '@handla/api';
import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';

/** `pickListId`: offer that pick list's orders not packed yet to choose from. */
export function PackScreen({ pickListId }: { pickListId: string | null }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const [orderInput, setOrderInput] = useState('');
  const [code, setCode] = useState('');
  const [packing, setPacking] = useState<Packing | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);
  const [refusal, setRefusal] = useState('');
  const [accepted, setAccepted] = useState('');
  const orderRef = useRef<HTMLInputElement>(null);
  const scanRef = useRef<HTMLInputElement>(null);

  // A keyboard-wedge scanner types into whatever has focus: keep it on the field that expects it.
  useEffect(() => {
    (packing && !packing.isPacked ? scanRef : orderRef).current?.focus();
  }, [packing]);

  const list = useLoader(
    useCallback(
      () => (pickListId ? api.fulfilment.pickList(pickListId) : Promise.resolve(null)),
      [api, pickListId],
    ),
  );
  const toPack = list.data?.orders.filter((o) => !o.isPacked) ?? [];

  const openOrder = async (idOrNumber: string) => {
    setOpenError(null);
    setRefusal('');
    setAccepted('');
    try {
      setPacking(await api.fulfilment.packing(idOrNumber));
    } catch (e) {
      setOpenError(e);
    }
  };

  const open = (event: FormEvent) => {
    event.preventDefault();
    void openOrder(orderInput.trim());
  };

  const scan = async (event: FormEvent) => {
    event.preventDefault();
    const scanned = code.trim();
    setCode('');
    if (!packing || !scanned) return;
    try {
      setPacking(await api.fulfilment.scan(packing.orderId, scanned));
      setRefusal('');
      setAccepted(t('fulfilmentAdmin.accepted', { code: scanned }));
    } catch (e) {
      setAccepted('');
      if (e instanceof ApiError && e.problem.code === 'scan_refused') {
        setRefusal(t('fulfilmentAdmin.refused', { detail: e.problem.errors[0]?.message ?? scanned }));
      } else {
        setOpenError(e);
      }
    }
  };

  const next = () => {
    setPacking(null);
    setOrderInput('');
    setAccepted('');
    list.reload();
  };

  return (
    <section className="stack fulfilment-pack">
      <form className="field" onSubmit={open}>
        <label htmlFor={`${id}-order`}>{t('fulfilmentAdmin.packOrder')}</label>
        <div className="fulfilment-inline">
          <input
            id={`${id}-order`}
            ref={orderRef}
            className="fulfilment-input"
            value={orderInput}
            autoComplete="off"
            aria-describedby={`${id}-order-hint`}
            onChange={(e) => setOrderInput(e.target.value)}
          />
          <button type="submit" className="button">
            {t('fulfilmentAdmin.open')}
          </button>
        </div>
        <p id={`${id}-order-hint`} className="muted">
          {t('fulfilmentAdmin.packOrderHint')}
        </p>
      </form>
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!packing && toPack.length > 0 && (
        <section className="stack" aria-labelledby={`${id}-to-pack`}>
          <h2 id={`${id}-to-pack`}>{t('fulfilmentAdmin.toPack')}</h2>
          <ul className="fulfilment-orders">
            {toPack.map((order) => (
              <li key={order.id}>
                <button type="button" className="button" onClick={() => openOrder(order.id)}>
                  {t('fulfilmentAdmin.orderNumber', { number: order.number })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {openError !== null && <ErrorNotice error={openError} />}
      {packing && (
        <div className="stack">
          <h2>
            {t('fulfilmentAdmin.packingOrder', { number: packing.orderNumber, name: packing.customerName })}
          </h2>
          <a href={api.fulfilment.packingSlipUrl(packing.orderId)} target="_blank" rel="noreferrer">
            {t('fulfilmentAdmin.packingSlip')}
          </a>
          {!packing.isPacked && (
            <form className="field" onSubmit={scan}>
              <label htmlFor={`${id}-scan`}>{t('fulfilmentAdmin.scanItem')}</label>
              <input
                id={`${id}-scan`}
                ref={scanRef}
                className="fulfilment-input fulfilment-scan"
                value={code}
                autoComplete="off"
                aria-describedby={`${id}-scan-hint`}
                onChange={(e) => setCode(e.target.value)}
              />
              <p id={`${id}-scan-hint`} className="muted">
                {t('fulfilmentAdmin.scanItemHint')}
              </p>
            </form>
          )}
          {refusal && (
            <p role="alert" className="notice notice-error fulfilment-refusal">
              {refusal}
            </p>
          )}
          <p aria-live="polite">{accepted}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('fulfilmentAdmin.sku')}</th>
                  <th scope="col">{t('fulfilmentAdmin.name')}</th>
                  <th scope="col">{t('fulfilmentAdmin.progress')}</th>
                </tr>
              </thead>
              <tbody>
                {packing.lines.map((line) => (
                  <tr
                    key={line.lineId}
                    className={line.packed >= line.quantity ? 'fulfilment-line-done' : undefined}
                  >
                    <td>{line.sku}</td>
                    <td>{line.name}</td>
                    <td>
                      {line.packed} / {line.quantity}
                      {line.packed >= line.quantity && ` · ${t('fulfilmentAdmin.lineDone')}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {packing.isPacked && (
            <div className="notice stack" role="status">
              <p>{t('fulfilmentAdmin.done', { number: packing.orderNumber })}</p>
              <button type="button" className="button button-primary" onClick={next}>
                {t('fulfilmentAdmin.nextOrder')}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
