import { describeError } from './errors';
import { useT } from './i18n/i18n';

/** An alert saying what went wrong, with the server's field errors and an optional retry button. */
export function ErrorNotice({
  error,
  onRetry,
  fieldLabels = {},
  id,
}: {
  error: unknown;
  onRetry?: () => void;
  /** Names to show for the server's field names, e.g. `{ email: 'E-post' }`. */
  fieldLabels?: Record<string, string>;
  id?: string;
}) {
  const t = useT();
  const { message, fieldErrors } = describeError(error, t);
  return (
    <div className="notice notice-error" role="alert" id={id}>
      <p>{message}</p>
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
