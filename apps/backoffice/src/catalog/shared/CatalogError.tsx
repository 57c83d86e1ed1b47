import { ApiError } from '@handla/api';
import { describeError, type MessageKey, useT } from '@handla/ui';

// Codes the shared describeError leaves to the server's English title.
const CODE_MESSAGES: Record<string, MessageKey> = {
  duplicate: 'catalogAdmin.error.duplicate',
  conflict: 'catalogAdmin.error.conflict',
  invalid_state: 'catalogAdmin.error.invalidState',
  payload_too_large: 'catalogAdmin.error.tooLarge',
  version_conflict: 'catalogAdmin.error.versionConflict',
};

const DETAILED = new Set(['conflict', 'invalid_state', 'duplicate']);

/** True for the 409 that says someone else saved a newer version first. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.problem.code === 'version_conflict';
}

/** True for a 404 of the thing itself. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/**
 * An alert for a failed call. A version conflict offers "reload" instead of retrying: the user's
 * edit was based on old data and must never silently overwrite someone else's.
 */
export function CatalogError({
  error,
  onRetry,
  onReload,
  conflictMessage,
  fieldLabels = {},
}: {
  error: unknown;
  onRetry?: () => void;
  /** Reloads what the edit was based on; shown for a version conflict. */
  onReload?: () => void;
  conflictMessage?: string;
  fieldLabels?: Record<string, string>;
}) {
  const t = useT();
  if (error === null || error === undefined) return null;
  if (isVersionConflict(error) && onReload) {
    return (
      <div className="notice notice-warning" role="alert">
        <p>{conflictMessage ?? t('catalogAdmin.error.versionConflict')}</p>
        <button type="button" className="button" onClick={onReload}>
          {t('catalogAdmin.common.reload')}
        </button>
      </div>
    );
  }
  const described = describeError(error, t);
  const key = error instanceof ApiError ? CODE_MESSAGES[error.problem.code] : undefined;
  const fieldErrors = described.fieldErrors.filter((e) => e.field !== 'version');
  // For refusals of the current state the server's own sentence says what is in the way.
  const detail =
    error instanceof ApiError && DETAILED.has(error.problem.code) && fieldErrors.length === 0
      ? error.problem.detail
      : undefined;
  return (
    <div className="notice notice-error" role="alert">
      <p>{key ? t(key) : described.message}</p>
      {detail && <p>{detail}</p>}
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              {fieldLabels[e.field] ?? e.field}: {e.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
