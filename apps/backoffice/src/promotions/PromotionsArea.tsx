// Back office: promotion rules at #/promotions (list and create), one rule with its coupon codes
// at #/promotions/<id>.
import type { Promotion } from '@handla/api';
import { ErrorNotice, formatDateTime, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useState } from 'react';
import { PageHeading } from '../pages/PageHeading';
import { useSubPath } from '../routes';
import { CouponsPanel } from './CouponsPanel';
import { PromotionForm } from './PromotionForm';
import { EMPTY_RULE, valuesOf } from './rule-form';
import './promotions.css';
import { ListTable } from '../pages/ListTable';
import { TableStatusRows } from '../pages/TableStatusRows';

export function PromotionsArea() {
  const t = useT();
  const id = decodeURIComponent(useSubPath().replace(/^\//, ''));
  return (
    <>
      <PageHeading title={t('nav.promotions')} />
      {id ? <PromotionView id={id} /> : <PromotionList />}
    </>
  );
}

function PromotionList() {
  const t = useT();
  const api = useApi();
  const [showArchived, setShowArchived] = useState(false);
  const list = useLoader(
    useCallback(() => api.promotions.list(showArchived ? 'all' : 'current'), [api, showArchived]),
  );
  return (
    <>
      <p>{t('promotionsAdmin.intro')}</p>
      <PromotionForm
        heading={t('promotionsAdmin.createHeading')}
        submitLabel={t('promotionsAdmin.create')}
        initial={EMPTY_RULE}
        onSubmit={async (body) => {
          await api.promotions.create(body);
          list.reload();
        }}
      />
      <label className="checkbox">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
        <span>{t('promotionsAdmin.showArchived')}</span>
      </label>
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
      <PromotionTable promotions={list.data?.items} />
    </>
  );
}

function PromotionTable({ promotions }: { promotions: readonly Promotion[] | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : '…');
  return (
    <ListTable
      caption={t('promotionsAdmin.caption')}
      head={
        <>
          <th scope="col">{t('promotionsAdmin.name')}</th>
          <th scope="col">{t('promotionsAdmin.type')}</th>
          <th scope="col">{t('promotionsAdmin.priority')}</th>
          <th scope="col">{t('promotionsAdmin.window')}</th>
          <th scope="col">{t('promotionsAdmin.status')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('promotionsAdmin.open')}</span>
          </th>
        </>
      }
    >
      {promotions?.map((p) => (
        <tr key={p.id}>
          <th scope="row">{p.name}</th>
          <td>{t(`promotionsAdmin.type.${p.effect.type}`)}</td>
          <td>{p.priority}</td>
          <td>
            {p.startsAt || p.endsAt ? `${when(p.startsAt)} – ${when(p.endsAt)}` : t('promotionsAdmin.always')}
          </td>
          <td>{t(`promotionsAdmin.status.${p.status}`)}</td>
          <td>
            <a
              className="button button-quiet"
              href={`#/promotions/${encodeURIComponent(p.id)}`}
              aria-label={t('promotionsAdmin.openLabel', { name: p.name })}
            >
              {t('promotionsAdmin.open')}
            </a>
          </td>
        </tr>
      ))}
      <TableStatusRows rows={promotions} columns={6} empty={t('promotionsAdmin.none')} />
    </ListTable>
  );
}

function PromotionView({ id }: { id: string }) {
  const t = useT();
  const api = useApi();
  const loaded = useLoader(useCallback(() => api.promotions.get(id), [api, id]));
  const [error, setError] = useState<unknown>(null);
  const promotion = loaded.data;
  return (
    <>
      <p>
        <a href="#/promotions">{t('promotionsAdmin.back')}</a>
      </p>
      {loaded.error !== null && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {promotion && (
        <>
          <PromotionForm
            key={promotion.version}
            heading={`${promotion.name} · ${t(`promotionsAdmin.status.${promotion.status}`)}`}
            submitLabel={t('promotionsAdmin.save')}
            initial={valuesOf(promotion)}
            onSubmit={async (body) => {
              await api.promotions.update(id, { ...body, version: promotion.version });
              loaded.reload();
            }}
          />
          <CouponsPanel promotion={promotion} />
          {error !== null && <ErrorNotice error={error} />}
          {promotion.status !== 'archived' && (
            <button
              type="button"
              className="button"
              onClick={async () => {
                try {
                  await api.promotions.archive(id, promotion.version);
                  loaded.reload();
                } catch (e) {
                  setError(e);
                }
              }}
            >
              {t('promotionsAdmin.archive')}
            </button>
          )}
        </>
      )}
    </>
  );
}
