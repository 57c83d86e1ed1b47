// Drop-ship suppliers' webhooks: which suppliers get their orders POSTed (signed, besides the mail)
// and where; pick a supplier to set or change its URL, rotate its secret or go back to mail only.
// A new secret is shown once, after every save or rotation (the server makes one each time).
import type { Supplier, SupplierWebhook, SupplierWebhookSummary } from '@handla/api';
import { ErrorNotice, formatDateTime, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { ConfirmButton } from '../pages/ConfirmButton';
import { EndpointForm } from '../pages/EndpointForm';
import { TableStatusRows } from '../pages/TableStatusRows';
import { NewWebhookSecret } from '../webhooks/NewWebhookSecret';

export function SupplierWebhooks() {
  const t = useT();
  const api = useApi();
  const id = useId();
  const { locale } = useLocale();
  const hooks = useLoader(useCallback(() => api.returns.supplierWebhooks(), [api]));
  const suppliers = useLoader(useCallback(() => api.stock.listSuppliers(), [api]));
  const [supplierId, setSupplierId] = useState('');
  const [secret, setSecret] = useState<SupplierWebhook | null>(null);
  const [result, setResult] = useState('');
  const nameOf = (sid: string) => suppliers.data?.items.find((s) => s.id === sid)?.name ?? sid;
  const supplier = suppliers.data?.items.find((s) => s.id === supplierId);
  const hook = hooks.data?.items.find((h) => h.supplierId === supplierId);

  return (
    <section className="stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('returnsAdmin.supplierWebhooks')}</h2>
      <p>{t('returnsAdmin.supplierWebhooksIntro')}</p>
      {hooks.error !== null && <ErrorNotice error={hooks.error} onRetry={hooks.reload} />}
      {suppliers.error !== null && <ErrorNotice error={suppliers.error} onRetry={suppliers.reload} />}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('returnsAdmin.supplierWebhooks')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('returnsAdmin.supplier')}</th>
              <th scope="col">{t('returnsAdmin.webhookUrl')}</th>
              <th scope="col">{t('returnsAdmin.webhookUpdatedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {hooks.data?.items.map((h) => (
              <tr key={h.supplierId}>
                <th scope="row">{nameOf(h.supplierId)}</th>
                <td>
                  <code>{h.url}</code>
                </td>
                <td>{formatDateTime(h.updatedAt, locale)}</td>
              </tr>
            ))}
            <TableStatusRows
              rows={hooks.data?.items}
              columns={3}
              empty={t('returnsAdmin.noSupplierWebhooks')}
            />
          </tbody>
        </table>
      </div>
      <div className="field">
        <label htmlFor={`${id}-supplier`}>{t('returnsAdmin.webhookSupplier')}</label>
        <select
          id={`${id}-supplier`}
          value={supplierId}
          onChange={(e) => {
            setSupplierId(e.target.value);
            setSecret(null);
            setResult('');
          }}
        >
          <option value="">{t('returnsAdmin.chooseSupplier')}</option>
          {suppliers.data?.items.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <p role="status" aria-live="polite" className={result ? 'notice' : 'visually-hidden'}>
        {result}
      </p>
      {secret ? (
        <NewWebhookSecret webhook={secret} onDone={() => setSecret(null)} />
      ) : (
        supplier && (
          <SupplierWebhookEditor
            // Keyed by what is stored, so a save or a clear starts the form from the stored URL.
            key={`${supplier.id}:${hook?.url ?? ''}:${hook?.updatedAt ?? ''}`}
            supplier={supplier}
            hook={hook}
            onSecret={(made) => {
              setResult('');
              setSecret(made);
              hooks.reload();
            }}
            onCleared={() => {
              setResult(t('returnsAdmin.webhookCleared', { name: supplier.name }));
              hooks.reload();
            }}
          />
        )
      )}
    </section>
  );
}

function SupplierWebhookEditor({
  supplier,
  hook,
  onSecret,
  onCleared,
}: {
  supplier: Supplier;
  hook: SupplierWebhookSummary | undefined;
  onSecret: (made: SupplierWebhook) => void;
  onCleared: () => void;
}) {
  const t = useT();
  const api = useApi();
  const [url, setUrl] = useState(hook?.url ?? '');
  return (
    <>
      <EndpointForm
        heading={t('returnsAdmin.webhookFor', { name: supplier.name })}
        intro={<p>{hook ? t('returnsAdmin.webhookSaveRotates') : t('returnsAdmin.webhookMailOnly')}</p>}
        urlLabel={t('returnsAdmin.webhookUrl')}
        url={url}
        onUrlChange={setUrl}
        fieldLabels={{ url: t('returnsAdmin.webhookUrl') }}
        submitLabel={hook ? t('returnsAdmin.webhookSave') : t('returnsAdmin.webhookSet')}
        pendingLabel={t('returnsAdmin.webhookSaving')}
        onSubmit={async (trimmed) => onSecret(await api.returns.setSupplierWebhook(supplier.id, trimmed))}
      />
      {hook && (
        <div className="button-row">
          <ConfirmButton
            label={t('webhooksAdmin.rotate')}
            warning={t('webhooksAdmin.rotateWarning')}
            confirmLabel={t('webhooksAdmin.confirmRotate')}
            onConfirm={async () => onSecret(await api.returns.setSupplierWebhook(supplier.id, hook.url))}
          />
          <ConfirmButton
            label={t('returnsAdmin.webhookClear')}
            warning={t('returnsAdmin.webhookClearWarning', { name: supplier.name })}
            confirmLabel={t('returnsAdmin.webhookConfirmClear')}
            isDanger
            onConfirm={async () => {
              await api.returns.clearSupplierWebhook(supplier.id);
              onCleared();
            }}
          />
        </div>
      )}
    </>
  );
}
