import { useLocale, useT } from '@handla/ui';
import { ConfirmButton } from '../shared/ConfirmButton';
import { formatUnits } from '../shared/format';
import { lineDifference } from './countLines';
import type { useCountSheet } from './useCountSheet';

/** Save what was typed, complete the count (booking the differences) or cancel it. */
export function CountActions({
  sheet,
  onDone,
}: {
  sheet: ReturnType<typeof useCountSheet>;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { lines, dirty, invalid, action } = sheet;
  const differing = lines.filter((l) => (lineDifference(l) ?? 0) !== 0).length;
  const uncounted = lines.filter((l) => l.counted === null).length;
  const isBlocked = invalid.length > 0;
  return (
    <div className="stack">
      <p className="muted">
        {t('stockAdmin.counts.summary', {
          differing: formatUnits(differing, locale),
          uncounted: formatUnits(uncounted, locale),
          unsaved: formatUnits(dirty.length, locale),
        })}
      </p>
      {isBlocked && (
        <p className="notice notice-error" role="alert">
          {t('stockAdmin.counts.badCounted')}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={action.pending || dirty.length === 0 || isBlocked}
          onClick={async () => {
            onDone('');
            if (await sheet.save()) onDone(t('stockAdmin.counts.savedDone'));
          }}
        >
          {action.pending ? t('stockAdmin.saving') : t('stockAdmin.counts.save')}
        </button>
        <ConfirmButton
          label={t('stockAdmin.counts.complete')}
          warning={t('stockAdmin.counts.completeWarning', { differing, uncounted })}
          confirmLabel={t('stockAdmin.counts.confirmComplete')}
          pending={action.pending || isBlocked}
          onConfirm={async () => {
            onDone('');
            if (await sheet.complete()) onDone(t('stockAdmin.counts.completedDone'));
          }}
        />
        <ConfirmButton
          label={t('stockAdmin.counts.cancel')}
          warning={t('stockAdmin.counts.cancelWarning')}
          confirmLabel={t('stockAdmin.counts.confirmCancel')}
          pending={action.pending}
          onConfirm={async () => {
            onDone('');
            if (await sheet.cancel()) onDone(t('stockAdmin.counts.cancelledDone'));
          }}
        />
      </div>
    </div>
  );
}
