import { ApiError } from '@handla/api';
import { ErrorNotice, type MessageKey, useT } from '@handla/ui';
import { useSkus } from './useSkus';

// The inventory's own problem codes, which the shared error texts do not cover.
const STOCK_CODES: Record<string, MessageKey> = {
  version_conflict: 'stockAdmin.error.versionConflict',
  insufficient_stock: 'stockAdmin.error.insufficientStock',
  invalid_state: 'stockAdmin.error.invalidState',
  conflict: 'stockAdmin.error.conflict',
  duplicate: 'stockAdmin.error.duplicate',
};

/** True when the server refused a change made at a version someone else has moved on from. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.problem.code === 'version_conflict';
}

/**
 * A failed call in words: a stale version says someone else changed the document and offers to
 * reload it; the other inventory refusals get their own sentence; the rest as everywhere else.
 */
export function StockError({
  error,
  onReload,
  onRetry,
  fieldLabels,
  lines,
}: {
  error: unknown;
  /** Reads the document again; offered on a version conflict. */
  onReload?: () => void;
  onRetry?: () => void;
  fieldLabels?: Record<string, string>;
  /** The lines the call sent, so "lines.1.quantity" can be named by its article. */
  lines?: readonly { skuId: string }[];
}) {
  const t = useT();
  const lookup = useSkus(lines?.map((l) => l.skuId) ?? []);
  const labels: Record<string, string> = {
    quantity: t('stockAdmin.col.quantity'),
    skuId: t('stockAdmin.col.article'),
    receivedQuantity: t('stockAdmin.transfers.receivedQuantity'),
    countedQuantity: t('stockAdmin.counts.countedQuantity'),
    minQuantity: t('stockAdmin.replenishment.min'),
    maxQuantity: t('stockAdmin.replenishment.max'),
    ...fieldLabels,
  };
  // "lines.1.quantity" → "Rad 2 (LV-ESP) · quantity"; other fields by their label when given.
  const fieldName = (field: string) => {
    const line = /^(?:lines|skuIds|rules)\.(\d+)(?:\.(\w+))?$/.exec(field);
    if (!line) return labels[field] ?? field;
    const index = Number(line[1]);
    const sku = lines?.[index] ? lookup(lines[index].skuId) : undefined;
    const article = typeof sku === 'object' ? ` (${sku.sku})` : '';
    const sub = line[2] ? ` · ${labels[line[2]] ?? line[2]}` : '';
    return `${t('stockAdmin.error.line', { line: index + 1 })}${article}${sub}`;
  };
  const key = error instanceof ApiError ? STOCK_CODES[error.problem.code] : undefined;
  if (!(error instanceof ApiError) || !key) {
    const named =
      error instanceof ApiError
        ? Object.fromEntries(error.problem.errors.map((e) => [e.field, fieldName(e.field)]))
        : {};
    return <ErrorNotice error={error} onRetry={onRetry} fieldLabels={named} />;
  }
  const details = error.problem.errors;
  return (
    <div className="notice notice-error" role="alert">
      <p>{t(key)}</p>
      {details.length > 0 && (
        <ul>
          {details.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              {fieldName(e.field)}: {e.message}
            </li>
          ))}
        </ul>
      )}
      {isVersionConflict(error) && onReload && (
        <button type="button" className="button" onClick={onReload}>
          {t('stockAdmin.reload')}
        </button>
      )}
    </div>
  );
}
