import { ApiError, type ShopperLoyalty } from '@handla/api';
import { ErrorNotice, formatPrice, useApi, useLocale, useT } from '@handla/ui';
import { useEffect, useState } from 'react';

/**
 * "Mitt medlemskort" on the account page: join the programme, or the card number with its barcode
 * (Code 128, rendered by the server, scanned at the register), points, level, latest points and
 * vouchers.
 */
export function MemberCard() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [loyalty, setLoyalty] = useState<ShopperLoyalty | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [joining, setJoining] = useState(false);

  useEffect(() => {
    api.loyalty.me().then(setLoyalty, (e: unknown) => {
      if (!(e instanceof ApiError && e.status === 401)) setError(e);
    });
  }, [api]);

  const join = async () => {
    setJoining(true);
    setError(null);
    try {
      setLoyalty(await api.loyalty.join());
    } catch (e) {
      setError(e);
    } finally {
      setJoining(false);
    }
  };

  const date = (iso: string) =>
    new Date(iso).toLocaleDateString(locale === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'Europe/Stockholm' });
  const member = loyalty?.member;
  return (
    <section className="card stack-tight member-card" aria-labelledby="member-card-heading">
      <h2 id="member-card-heading">{t('shop.loyalty.heading')}</h2>
      {error !== null && <ErrorNotice error={error} />}
      {loyalty && !member && (
        <>
          <p>{t('shop.loyalty.joinIntro')}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={joining}
            onClick={() => void join()}
          >
            {t('shop.loyalty.join')}
          </button>
        </>
      )}
      {member && (
        <>
          <img
            className="member-card-barcode"
            src={api.loyalty.cardSvgUrl()}
            alt={t('shop.loyalty.barcode', { number: member.cardNumber })}
          />
          <p className="muted">{t('shop.loyalty.showAtRegister')}</p>
          <dl className="totals">
            <dt>{t('shop.loyalty.cardNumber')}</dt>
            <dd data-testid="member-card-number">{member.cardNumber}</dd>
            <dt>{t('shop.loyalty.points')}</dt>
            <dd data-testid="member-points">{member.balance.toLocaleString('sv-SE')}</dd>
            <dt>{t('shop.loyalty.level')}</dt>
            <dd>{t(`shop.loyalty.level.${member.level}`)}</dd>
          </dl>
          <h3>{t('shop.loyalty.ledger')}</h3>
          {member.ledger.length === 0 ? (
            <p className="muted">{t('shop.loyalty.noLedger')}</p>
          ) : (
            <ul className="member-ledger">
              {member.ledger.slice(0, 10).map((entry) => (
                <li key={entry.id}>
                  {date(entry.occurredAt)} · {t(`shop.loyalty.reason.${entry.reason}`)} ·{' '}
                  <strong>
                    {entry.points > 0 ? '+' : ''}
                    {entry.points.toLocaleString('sv-SE')}
                  </strong>
                </li>
              ))}
            </ul>
          )}
          {loyalty.vouchers.length > 0 && (
            <>
              <h3>{t('shop.loyalty.vouchers')}</h3>
              <ul className="member-vouchers">
                {loyalty.vouchers.map((v) => (
                  <li key={v.code}>
                    {t('shop.loyalty.voucher', {
                      amount: formatPrice({ amount: v.amount, currency: v.currency }, locale),
                      code: v.code,
                      date: date(v.validUntil),
                    })}
                    {v.isUsed && <span className="muted"> ({t('shop.loyalty.voucherUsed')})</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
