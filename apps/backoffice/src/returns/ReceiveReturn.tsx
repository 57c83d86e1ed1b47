// One return: its lines, and receiving the parcel at a location with the verdict per line (units
// back to stock, units written off with the reason); then the refund result.
import type { ReceiveReturnBody, ReturnRequest } from '@handla/api';
import { describeError, ErrorNotice, formatPrice, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { type FormEvent, useCallback, useState } from 'react';

type Verdict = { restocked: number; writtenOff: number; reason: string };

export function ReceiveReturn({ id }: { id: string }) {
  const t = useT();
  const api = useApi();
  const found = useLoader(useCallback(() => api.returns.get(id), [api, id]));
  const locations = useLoader(useCallback(() => api.stock.listLocations(), [api]));
  if (found.error !== null) return <ErrorNotice error={found.error} onRetry={found.reload} />;
  if (!found.data || !locations.data) return <p>{t('common.loading')}</p>;
  return <ReturnView key={found.data.status} initial={found.data} locations={locations.data.items} />;
}

function ReturnView({
  initial,
  locations,
}: {
  initial: ReturnRequest;
  locations: { id: string; name: string }[];
}) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [ret, setRet] = useState(initial);
  const [locationId, setLocationId] = useState(locations[0]?.id ?? '');
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>(() =>
    Object.fromEntries(
      ret.lines.map((l) => [l.orderLineId, { restocked: l.quantity, writtenOff: 0, reason: '' }]),
    ),
  );
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const isOpen = ret.status === 'requested' || ret.status === 'refunding';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const body: ReceiveReturnBody = {
      locationId,
      lines: ret.lines.map((l) => {
        const v = verdicts[l.orderLineId]!;
        return {
          orderLineId: l.orderLineId,
          restocked: v.restocked,
          writtenOff: v.writtenOff,
          ...(v.writtenOff > 0 ? { writeOffReason: v.reason } : {}),
        };
      }),
    };
    try {
      setRet(await api.returns.receive(ret.id, body));
      setStatus(t('returnsAdmin.received'));
    } catch (error) {
      setStatus(describeError(error, t).message);
    } finally {
      setBusy(false);
    }
  };

  const set = (lineId: string, patch: Partial<Verdict>) =>
    setVerdicts((all) => ({ ...all, [lineId]: { ...all[lineId]!, ...patch } }));

  return (
    <section aria-labelledby="return-heading">
      <h2 id="return-heading">
        {ret.rmaNumber} · {t('returnsAdmin.order')} {ret.orderNumber}
      </h2>
      <p>
        {t(`returnsAdmin.status.${ret.status}`)} · {ret.customerName} · {ret.reason}
      </p>
      <form onSubmit={submit}>
        <label>
          {t('returnsAdmin.location')}
          <select value={locationId} onChange={(e) => setLocationId(e.target.value)} disabled={!isOpen}>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <div className="table-wrap">
          <table>
            <caption>{t('returnsAdmin.inspect')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('returnsAdmin.item')}</th>
                <th scope="col">{t('returnsAdmin.quantity')}</th>
                <th scope="col">{t('returnsAdmin.restocked')}</th>
                <th scope="col">{t('returnsAdmin.writtenOff')}</th>
                <th scope="col">{t('returnsAdmin.writeOffReason')}</th>
              </tr>
            </thead>
            <tbody>
              {ret.lines.map((l) => {
                const v = verdicts[l.orderLineId]!;
                const name = l.variantName ? `${l.productName} (${l.variantName})` : l.productName;
                return (
                  <tr key={l.orderLineId}>
                    <th scope="row">
                      {name} <code>{l.sku}</code> · {formatPrice(l.unitPrice, locale)}
                    </th>
                    <td>{l.quantity}</td>
                    <td>
                      <input
                        type="number"
                        min={0}
                        max={l.quantity}
                        aria-label={t('returnsAdmin.restockedOf', { item: name })}
                        value={isOpen ? v.restocked : (l.restocked ?? 0)}
                        disabled={!isOpen}
                        onChange={(e) => {
                          const restocked = Math.min(l.quantity, Math.max(0, Number(e.target.value)));
                          set(l.orderLineId, { restocked, writtenOff: l.quantity - restocked });
                        }}
                      />
                    </td>
                    <td>{isOpen ? v.writtenOff : (l.writtenOff ?? 0)}</td>
                    <td>
                      <input
                        aria-label={t('returnsAdmin.writeOffReasonOf', { item: name })}
                        value={isOpen ? v.reason : (l.writeOffReason ?? '')}
                        required={isOpen && v.writtenOff > 0}
                        disabled={!isOpen || v.writtenOff === 0}
                        onChange={(e) => set(l.orderLineId, { reason: e.target.value })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {isOpen && (
          <button type="submit" className="button" disabled={busy}>
            {t('returnsAdmin.receive')}
          </button>
        )}
      </form>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {ret.refund && (
        <dl>
          <dt>{t('returnsAdmin.refund')}</dt>
          <dd>{formatPrice(ret.refund, locale)}</dd>
          {ret.shippingRefund && ret.shippingRefund.amount > 0 && (
            <>
              <dt>{t('returnsAdmin.shippingRefund')}</dt>
              <dd>{formatPrice(ret.shippingRefund, locale)}</dd>
            </>
          )}
          {ret.shippingFee && ret.shippingFee.amount > 0 && (
            <>
              <dt>{t('returnsAdmin.shippingFee')}</dt>
              <dd>−{formatPrice(ret.shippingFee, locale)}</dd>
            </>
          )}
          {ret.refundError && (
            <>
              <dt>{t('returnsAdmin.refundError')}</dt>
              <dd>{ret.refundError}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
