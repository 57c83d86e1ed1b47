import type { CatalogProduct, CatalogSku } from '@handla/api';
import { useLoader, useLocalized, useT } from '@handla/ui';
import { useCallback, useEffect, useState } from 'react';
import { PageHeading } from '../../pages/PageHeading';
import { catalogHref } from '../paths';
import { CatalogError } from '../shared/CatalogError';
import { StatusBadge } from '../shared/StatusBadge';
import { useCatalogApi } from '../shared/useCatalogApi';
import { BundleComponents } from './BundleComponents';
import { ProductDetailsForm } from './ProductDetailsForm';
import { ProductStatusForm } from './ProductStatusForm';
import { VariantTable } from './VariantTable';

/** One product: its texts and classification, its status, its variants or bundle components. */
export function ProductPage({ productId }: { productId: string }) {
  const t = useT();
  const catalog = useCatalogApi();
  const localized = useLocalized();
  const loaded = useLoader(useCallback(() => catalog.getProduct(productId), [catalog, productId]));
  // What the server last said: the loaded product, replaced by each save's answer.
  const [product, setProduct] = useState<CatalogProduct>();
  useEffect(() => {
    if (loaded.data) setProduct(loaded.data);
  }, [loaded.data]);

  const [notice, setNotice] = useState('');
  const onSaved = (message: string) => (saved: CatalogProduct) => {
    setProduct(saved);
    setNotice(message);
  };

  const onSkuChanged = useCallback((sku: CatalogSku) => {
    setProduct((p) => p && { ...p, skus: p.skus.map((s) => (s.id === sku.id ? sku : s)) });
  }, []);

  if (!product) {
    return (
      <>
        <BackLink />
        {loaded.loading && <p role="status">{t('common.loading')}</p>}
        <CatalogError error={loaded.error} onRetry={loaded.reload} />
      </>
    );
  }
  const bundleSku = product.isBundle ? product.skus[0] : undefined;
  return (
    <>
      <BackLink />
      <PageHeading title={localized(product.name)}>
        <StatusBadge status={product.status} />
      </PageHeading>
      {loaded.error !== null && <CatalogError error={loaded.error} onRetry={loaded.reload} />}
      <p role="status" className={notice ? 'notice notice-ok' : 'visually-hidden'}>
        {notice}
      </p>
      <div className="product-columns">
        <ProductDetailsForm
          key={`details-${product.version}`}
          product={product}
          onSaved={onSaved(t('catalogAdmin.product.saved'))}
          onReload={loaded.reload}
        />
        <ProductStatusForm
          key={`status-${product.version}`}
          product={product}
          onSaved={onSaved(t('catalogAdmin.product.statusSaved'))}
          onReload={loaded.reload}
        />
      </div>
      <VariantTable product={product} onSkuChanged={onSkuChanged} onSkuAdded={loaded.reload} />
      {bundleSku && (
        <BundleComponents
          key={bundleSku.version}
          sku={bundleSku}
          onSaved={onSkuChanged}
          onReload={loaded.reload}
        />
      )}
    </>
  );
}

function BackLink() {
  const t = useT();
  return (
    <p>
      <a href={catalogHref('products')}>← {t('catalogAdmin.products.back')}</a>
    </p>
  );
}
