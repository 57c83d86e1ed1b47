import type { ResolvedPrice, SkuSummary } from '@handla/api';
import { formatVatRate } from '@handla/core';
import { formatDateTime, formatPrice, intlLocale, useLocale, useLocalized, useT } from '@handla/ui';
import type { ReactNode } from 'react';
import { catalogHref } from '../paths';

/** The resolver's answer: the price and where it came from, the regular price, the VAT rate. */
export function ResolvedPriceFacts({ sku, price }: { sku: SkuSummary; price: ResolvedPrice }) {
  const t = useT();
  const { locale } = useLocale();
  const localized = useLocalized();
  return (
    <div className="stack resolved-price">
      <p>
        <strong>{localized(sku.name)}</strong> <code>{sku.sku}</code>
      </p>
      <dl className="facts">
        <Fact label={t('catalogAdmin.resolver.price')}>
          <span className="big-number">{formatPrice(price.unitPriceInclVat, locale)}</span>
        </Fact>
        <Fact label={t('catalogAdmin.resolver.source')}>
          {t(`catalogAdmin.resolver.source.${price.source}`)}
          {price.campaignId && (
            <>
              {' · '}
              <a href={catalogHref('campaigns', price.campaignId)}>
                {t('catalogAdmin.resolver.showCampaign')}
              </a>
            </>
          )}
        </Fact>
        {price.source === 'campaign' && (
          <Fact label={t('catalogAdmin.resolver.regular')}>
            {formatPrice(price.regularUnitPriceInclVat, locale)} (
            {t(`catalogAdmin.resolver.source.${price.regularSource}`)})
          </Fact>
        )}
        <Fact label={t('catalogAdmin.resolver.vat')}>
          {t('catalogAdmin.resolver.vatValue', {
            rate: formatVatRate(price.vatRateBp, intlLocale(locale)),
            taxClass: price.taxClass,
            country: price.country,
          })}
        </Fact>
        <Fact label={t('catalogAdmin.resolver.at')}>{formatDateTime(price.at, locale)}</Fact>
      </dl>
    </div>
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
