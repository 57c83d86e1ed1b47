import { useT } from '@handla/ui';
import type { SyncProgress } from './sync';

/** The offline banner and the queue's progress line ("3 av 12 skickade"). */
export function SyncStatus({
  isOnline,
  pending,
  progress,
  onRetry,
}: {
  isOnline: boolean;
  pending: number;
  progress: SyncProgress | null;
  onRetry: () => void;
}) {
  const t = useT();
  const stopped = progress?.stoppedBy;
  const isSending = isOnline && progress !== null && progress.sent < progress.total && !stopped;
  return (
    <div className="sync-status">
      {!isOnline && (
        <p className="offline-banner" role="alert">
          {t('pos.offline.banner')}
        </p>
      )}
      <p role="status" className="sync-line">
        {isSending
          ? t('pos.sync.progress', { sent: progress.sent, total: progress.total })
          : pending > 0
            ? t('pos.sync.pending', { count: pending })
            : progress && progress.total > 0
              ? t('pos.sync.done')
              : ''}
      </p>
      {stopped?.kind === 'rejected' && (
        <div className="notice notice-error" role="alert">
          <p>{t('pos.sync.rejected', { sequence: stopped.sequence, message: stopped.message })}</p>
          <button type="button" className="button" onClick={onRetry}>
            {t('pos.sync.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
