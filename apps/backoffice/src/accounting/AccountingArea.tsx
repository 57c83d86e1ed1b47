// The back office's accounting page (#/accounting): the SIE download, the account mapping with its
// BAS defaults, the exchange rates to SEK, and the import of a chart of accounts.
import { ErrorNotice, useLoader, useT } from '@handla/ui';
import { useCallback } from 'react';
import { getAccountMapping } from './accounting-client';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { MappingTable } from './MappingTable';
import { RatesPanel } from './RatesPanel';

export function AccountingArea() {
  const t = useT();
  const mapping = useLoader(useCallback(() => getAccountMapping(), []));
  return (
    <div className="stack">
      <h1>{t('accountingAdmin.heading')}</h1>
      <p className="muted">{t('accountingAdmin.explain')}</p>
      <ExportPanel />
      {mapping.error !== null && <ErrorNotice error={mapping.error} onRetry={mapping.reload} />}
      {mapping.loading && !mapping.data && <p role="status">{t('common.loading')}</p>}
      {mapping.data && (
        // Keyed by the data, so a reload after an import or save starts the form from what is stored.
        <MappingTable key={JSON.stringify(mapping.data)} mapping={mapping.data} onSaved={mapping.reload} />
      )}
      <RatesPanel />
      <ImportPanel onImported={mapping.reload} />
    </div>
  );
}
