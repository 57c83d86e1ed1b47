// Back office: the web shops at #/shops (list and add), one shop's settings at #/shops/<id>.
import type { Shop } from '@handla/api';
import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { useCallback } from 'react';
import { ListTable } from '../pages/ListTable';
import { PageHeading } from '../pages/PageHeading';
import { useSubPath } from '../routes';
import { ShopForm } from './ShopForm';
import './shops.css';

export function ShopsArea() {
  const t = useT();
  const id = decodeURIComponent(useSubPath().replace(/^\//, ''));
  return (
    <>
      <PageHeading title={t('nav.shops')} />
      <p>{t('shopsAdmin.intro')}</p>
      <ShopsPage id={id} />
    </>
  );
}

// Everything the form chooses from, loaded together.
function useChoices() {
  const api = useApi();
  return useLoader(
    useCallback(async () => {
      const [shops, lists, methods] = await Promise.all([
        api.shops.list(),
        api.catalog.listPriceLists({ limit: 200 }),
        api.shops.shippingMethods(),
      ]);
      return { shops: shops.items, priceLists: lists.items, shippingMethods: methods.items };
    }, [api]),
  );
}

function ShopsPage({ id }: { id: string }) {
  const t = useT();
  const api = useApi();
  const choices = useChoices();
  if (choices.error !== null) return <ErrorNotice error={choices.error} onRetry={choices.reload} />;
  if (!choices.data) return <p className="muted">{t('common.loading')}</p>;
  const { shops, priceLists, shippingMethods } = choices.data;
  const shop = id ? shops.find((s) => s.id === id) : undefined;
  if (shop) {
    return (
      <>
        <p>
          <a href="#/shops">{t('shopsAdmin.back')}</a>
        </p>
        <ShopForm
          key={shop.id}
          shop={shop}
          priceLists={priceLists}
          shippingMethods={shippingMethods}
          onSave={async (body) => {
            const saved = await api.shops.update(shop.id, { ...body, version: shop.version });
            choices.reload();
            return saved;
          }}
        />
      </>
    );
  }
  return (
    <>
      <ShopTable shops={shops} />
      <ShopForm
        priceLists={priceLists}
        shippingMethods={shippingMethods}
        onSave={async (body) => {
          const created = await api.shops.create(body);
          choices.reload();
          return created;
        }}
      />
    </>
  );
}

function ShopTable({ shops }: { shops: readonly Shop[] }) {
  const t = useT();
  return (
    <ListTable
      caption={t('shopsAdmin.list')}
      head={
        <>
          <th scope="col">{t('shopsAdmin.name')}</th>
          <th scope="col">{t('shopsAdmin.hostNames')}</th>
          <th scope="col">{t('shopsAdmin.currency')}</th>
          <th scope="col">{t('shopsAdmin.language')}</th>
          <th scope="col">{t('shopsAdmin.oss')}</th>
        </>
      }
    >
      {shops.length === 0 && (
        <tr>
          <td colSpan={5}>{t('shopsAdmin.none')}</td>
        </tr>
      )}
      {shops.map((shop) => (
        <tr key={shop.id}>
          <th scope="row">
            <a
              href={`#/shops/${encodeURIComponent(shop.id)}`}
              aria-label={t('shopsAdmin.edit', { name: shop.name })}
            >
              {shop.name}
            </a>
            {shop.isDefault && <span className="muted"> · {t('shopsAdmin.default')}</span>}
          </th>
          <td>{shop.hostNames.join(', ')}</td>
          <td>{shop.currency}</td>
          <td>{t(`shopsAdmin.language.${shop.defaultLanguage}`)}</td>
          <td>{shop.isOssRegistered ? t('shopsAdmin.yes') : t('shopsAdmin.no')}</td>
        </tr>
      ))}
    </ListTable>
  );
}
