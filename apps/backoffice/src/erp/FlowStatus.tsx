// Each flow: on or off, when the ERP last took one of its messages, how many wait and how many failed.
import type { ErpConnection } from '@handla/api';
import { formatDateTime, useLocale, useT } from '@handla/ui';
import { useId } from 'react';
import { ListTable } from '../pages/ListTable';

export function FlowStatus({ connection }: { connection: ErpConnection }) {
  const t = useT();
  const id = useId();
  const { locale } = useLocale();
  return (
    <section className="stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('erpAdmin.status')}</h2>
      <ListTable
        caption={t('erpAdmin.statusCaption')}
        head={
          <>
            <th scope="col">{t('erpAdmin.col.flow')}</th>
            <th scope="col">{t('erpAdmin.col.on')}</th>
            <th scope="col">{t('erpAdmin.col.lastSent')}</th>
            <th scope="col" className="number">
              {t('erpAdmin.col.pending')}
            </th>
            <th scope="col" className="number">
              {t('erpAdmin.col.failed')}
            </th>
          </>
        }
      >
        {connection.flowStates.map((state) => (
          <tr key={state.flow}>
            <th scope="row">{t(`erpAdmin.flow.${state.flow}`)}</th>
            <td>{state.isOn ? t('erpAdmin.yes') : t('erpAdmin.no')}</td>
            <td>{state.lastSentAt ? formatDateTime(state.lastSentAt, locale) : t('erpAdmin.never')}</td>
            <td className="number">{state.pending}</td>
            <td className="number">{state.failed}</td>
          </tr>
        ))}
      </ListTable>
      {connection.dailySalesThrough && (
        <p className="muted">{t('erpAdmin.dailySalesThrough', { date: connection.dailySalesThrough })}</p>
      )}
    </section>
  );
}
