import type { Campaign } from '@handla/api';
import { useT } from '@handla/ui';
import { useEffect, useRef, useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';

/** "End now", then a confirmation naming the consequence; one click never ends a campaign. */
export function EndCampaignButton({
  campaign,
  onEnded,
  onReload,
}: {
  campaign: Campaign;
  onEnded: () => void;
  onReload: () => void;
}) {
  const t = useT();
  const catalog = useCatalogApi();
  const [isConfirming, setConfirming] = useState(false);
  const end = useAction();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (isConfirming) confirmButton.current?.focus();
  }, [isConfirming]);

  async function confirm() {
    const ended = await end.run(() => catalog.endCampaign(campaign.id, campaign.version));
    if (ended) onEnded();
  }

  if (!isConfirming) {
    return (
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          {t('catalogAdmin.campaigns.end')}
        </button>
      </div>
    );
  }
  return (
    <div className="stack">
      <p>{t('catalogAdmin.campaigns.endWarning', { name: campaign.name })}</p>
      <CatalogError
        error={end.error}
        onReload={onReload}
        conflictMessage={t('catalogAdmin.campaigns.conflict')}
      />
      <div className="button-row">
        <button
          type="button"
          ref={confirmButton}
          className="button button-danger"
          disabled={end.pending}
          onClick={() => void confirm()}
        >
          {t('catalogAdmin.campaigns.confirmEnd')}
        </button>
        <button type="button" className="button" disabled={end.pending} onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
