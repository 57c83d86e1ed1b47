// A rule's register coupon uses that were not counted: a till took the code offline and the sale
// was booked after the code reached its limit (or the rule ended). The receipt stands; the manager
// sees, per code, which receipts used it over the limit, in which store and when.
import type { NotCountedCouponUse } from '@handla/api';
import { ErrorNotice, formatDateTime, type MessageKey, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useId } from 'react';
import { TableStatusRows } from '../pages/TableStatusRows';
import { registersHref } from '../registers/paths';

/** The refusal codes the server records, each with words; anything else is shown as its code. */
const REASONS: Record<string, MessageKey> = {
  coupon_limit_reached: 'promotionsAdmin.notCountedReason.limit',
  invalid_state: 'promotionsAdmin.notCountedReason.ended',
};

/** Uses by code, in the server's order (newest sale first within a code). */
function usesByCode(uses: readonly NotCountedCouponUse[]): [string, NotCountedCouponUse[]][] {
  const groups = new Map<string, NotCountedCouponUse[]>();
  for (const use of uses) groups.set(use.code, [...(groups.get(use.code) ?? []), use]);
  return [...groups];
}

export function NotCountedCoupons({ promotionId }: { promotionId: string }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const { locale } = useLocale();
  const list = useLoader(
    useCallback(() => api.promotions.notCountedCouponUses(promotionId), [api, promotionId]),
  );
  const uses = list.data?.items;
  const reasonOf = (reason: string | null) => {
    const key = reason ? REASONS[reason] : undefined;
    return key ? t(key) : (reason ?? '–');
  };

  return (
    <section className="stack" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('promotionsAdmin.notCounted')}</h4>
      <p>{t('promotionsAdmin.notCountedIntro')}</p>
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {/* Announced when the list arrives; shown only with uses (the empty table says "none"). */}
      <p aria-live="polite" className={uses?.length ? undefined : 'visually-hidden'}>
        {uses &&
          (uses.length === 0
            ? t('promotionsAdmin.notCountedNone')
            : usesByCode(uses)
                .map(([code, of]) => t('promotionsAdmin.notCountedOfCode', { code, count: of.length }))
                .join(' · '))}
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('promotionsAdmin.notCounted')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('promotionsAdmin.couponCode')}</th>
              <th scope="col">{t('promotionsAdmin.notCountedReceipt')}</th>
              <th scope="col">{t('promotionsAdmin.notCountedStore')}</th>
              <th scope="col">{t('promotionsAdmin.notCountedSoldAt')}</th>
              <th scope="col">{t('promotionsAdmin.notCountedReason')}</th>
            </tr>
          </thead>
          <tbody>
            {uses?.map((u) => (
              <tr key={`${u.receiptId}:${u.code}`}>
                <th scope="row">
                  <code>{u.code}</code>
                </th>
                <td>
                  <a href={registersHref(u.registerId, 'receipts')}>
                    {t('promotionsAdmin.notCountedReceiptNo', {
                      number: u.receiptNumber,
                      register: u.registerName,
                    })}
                  </a>
                </td>
                <td>{u.storeName}</td>
                <td>
                  {formatDateTime(u.occurredAt, locale)}
                  {/* Sold offline: say when it reached the server, which is when the limit was checked. */}
                  {Date.parse(u.bookedAt) - Date.parse(u.occurredAt) >= 60_000 && (
                    <div>
                      {t('promotionsAdmin.notCountedBookedAt', { at: formatDateTime(u.bookedAt, locale) })}
                    </div>
                  )}
                </td>
                <td>{reasonOf(u.reason)}</td>
              </tr>
            ))}
            <TableStatusRows rows={uses} columns={5} empty={t('promotionsAdmin.notCountedNone')} />
          </tbody>
        </table>
      </div>
    </section>
  );
}
