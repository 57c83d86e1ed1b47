// A rule's coupon codes: create a batch of single-use codes or one shared code with a limit, and
// download every code as CSV to print or mail out; below, the register uses that were not counted.
import type { CreateCouponsBody, Promotion, PromotionCoupon } from '@handla/api';
import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { type FormEvent, useCallback, useId, useState } from 'react';
import { NotCountedCoupons } from './NotCountedCoupons';

/** The codes as CSV (RFC 4180, codes never need quoting: letters, digits and dashes). */
export function couponsCsv(coupons: readonly PromotionCoupon[]): string {
  const rows = coupons.map((c) =>
    [c.code, c.batchId, c.maxRedemptions, c.redemptionCount, c.createdAt].join(','),
  );
  return ['code,batch,max_redemptions,redemptions,created_at', ...rows].join('\r\n');
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function CouponsPanel({ promotion }: { promotion: Promotion }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const list = useLoader(useCallback(() => api.promotions.coupons(promotion.id), [api, promotion.id]));
  const [kind, setKind] = useState<CreateCouponsBody['kind']>('single_use');
  const [count, setCount] = useState('100');
  const [prefix, setPrefix] = useState('');
  const [code, setCode] = useState('');
  const [limit, setLimit] = useState('100');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const coupons = list.data?.items ?? [];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await api.promotions.createCoupons(
        promotion.id,
        kind === 'shared'
          ? { kind, code, maxRedemptions: Number(limit) }
          : { kind, count: Number(count), prefix: prefix.toUpperCase() },
      );
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  if (!promotion.requiresCoupon) return <p>{t('promotionsAdmin.couponsNeedRule')}</p>;
  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('promotionsAdmin.coupons')}</h3>
      <p aria-live="polite">
        {t('promotionsAdmin.couponCount', {
          count: coupons.length,
          used: coupons.reduce((sum, c) => sum + c.redemptionCount, 0),
        })}
      </p>
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
      <button
        type="button"
        className="button"
        disabled={coupons.length === 0}
        onClick={() => download(`kuponger-${promotion.id}.csv`, couponsCsv(coupons))}
      >
        {t('promotionsAdmin.downloadCsv')}
      </button>
      <form className="stack" onSubmit={submit}>
        {error !== null && <ErrorNotice error={error} />}
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('promotionsAdmin.couponKind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="single_use">{t('promotionsAdmin.couponKind.single_use')}</option>
            <option value="shared">{t('promotionsAdmin.couponKind.shared')}</option>
          </select>
        </div>
        {kind === 'single_use' ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-count`}>{t('promotionsAdmin.couponCountInput')}</label>
              <input
                id={`${id}-count`}
                inputMode="numeric"
                value={count}
                onChange={(e) => setCount(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-prefix`}>{t('promotionsAdmin.couponPrefix')}</label>
              <input
                id={`${id}-prefix`}
                maxLength={10}
                value={prefix}
                onChange={(e) => setPrefix(e.target.value)}
              />
            </div>
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor={`${id}-code`}>{t('promotionsAdmin.couponCode')}</label>
              <input
                id={`${id}-code`}
                required
                maxLength={40}
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-limit`}>{t('promotionsAdmin.couponLimit')}</label>
              <input
                id={`${id}-limit`}
                inputMode="numeric"
                value={limit}
                onChange={(e) => setLimit(e.target.value)}
              />
            </div>
          </>
        )}
        <button type="submit" className="button button-primary" disabled={pending}>
          {t('promotionsAdmin.createCoupons')}
        </button>
      </form>
      <NotCountedCoupons promotionId={promotion.id} />
    </section>
  );
}
