import { formatDateTime, formatPrice, useLoader, useLocale, useT } from '@handla/ui';
import { type ReactNode, useCallback, useState } from 'react';
import { PageHeading } from '../../pages/PageHeading';
import { catalogHref } from '../paths';
import { CatalogError } from '../shared/CatalogError';
import { useStores } from '../shared/lookups';
import { useCatalogApi } from '../shared/useCatalogApi';
import { EndCampaignButton } from './EndCampaignButton';

/** One campaign: when and where it runs, its prices, and "end now". */
export function CampaignPage({ campaignId }: { campaignId: string }) {
  const t = useT();
  const catalog = useCatalogApi();
  const { locale } = useLocale();
  const stores = useStores();
  const campaign = useLoader(useCallback(() => catalog.getCampaign(campaignId), [catalog, campaignId]));
  const [notice, setNotice] = useState('');
  const c = campaign.data;
  const storeName = c?.storeId
    ? (stores.data?.items.find((s) => s.id === c.storeId)?.name ?? c.storeId)
    : t('catalogAdmin.campaigns.allStores');
  return (
    <>
      <p>
        <a href={catalogHref('campaigns')}>← {t('catalogAdmin.campaigns.back')}</a>
      </p>
      <PageHeading title={c?.name ?? t('catalogAdmin.campaigns.heading')} />
      {campaign.loading && !c && <p role="status">{t('common.loading')}</p>}
      <CatalogError error={campaign.error} onRetry={campaign.reload} />
      <p role="status" className={notice ? 'notice notice-ok' : 'visually-hidden'}>
        {notice}
      </p>
      {c && (
        <>
          <section className="card stack" aria-labelledby="campaign-facts">
            <h3 id="campaign-facts">{t('catalogAdmin.campaigns.details')}</h3>
            <dl className="facts">
              <Fact label={t('catalogAdmin.campaigns.status')}>
                {t(`catalogAdmin.campaigns.status.${c.status}`)}
              </Fact>
              <Fact label={t('catalogAdmin.campaigns.store')}>{storeName}</Fact>
              <Fact label={t('catalogAdmin.campaigns.startsAt')}>{formatDateTime(c.startsAt, locale)}</Fact>
              <Fact label={t('catalogAdmin.campaigns.endsAt')}>{formatDateTime(c.endsAt, locale)}</Fact>
              {c.endedAt && (
                <Fact label={t('catalogAdmin.campaigns.endedAt')}>{formatDateTime(c.endedAt, locale)}</Fact>
              )}
            </dl>
            {c.status !== 'ended' && (
              <EndCampaignButton
                campaign={c}
                onEnded={() => {
                  setNotice(t('catalogAdmin.campaigns.ended', { name: c.name }));
                  campaign.reload();
                }}
                onReload={campaign.reload}
              />
            )}
          </section>
          <div className="table-wrap">
            <table>
              <caption>{t('catalogAdmin.campaigns.pricesCaption', { count: c.prices.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('catalogAdmin.variant.sku')}</th>
                  <th scope="col" className="number">
                    {t('catalogAdmin.campaigns.campaignPrice')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.prices.map((p) => (
                  <tr key={p.skuId}>
                    <th scope="row">
                      <code>{p.sku}</code>
                    </th>
                    <td className="number">{formatPrice(p.unitPriceInclVat, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
