// The back office's registers: the list by store, and per register pairing, settings, receipts,
// the journal check, reports and the SAF-T export (#/registers/<id>/<tab>).
import './registers.css';
import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { useCallback, useEffect, useRef } from 'react';
import { useSubPath } from '../routes';
import { parseRegistersPath } from './paths';
import { RegisterList } from './RegisterList';
import { RegisterPage } from './RegisterPage';

export function RegistersArea() {
  const t = useT();
  const api = useApi();
  const subPath = useSubPath();
  const place = parseRegistersPath(subPath);
  const registers = useLoader(useCallback(() => api.registerAdmin.list(), [api]));
  const content = useRef<HTMLDivElement>(null);
  const shown = useRef(subPath);
  useEffect(() => {
    if (shown.current === subPath) return;
    shown.current = subPath;
    // A new screen inside the area: focus goes there, as the main menu does for areas.
    content.current?.focus();
  }, [subPath]);

  const items = registers.data?.items ?? [];
  const register = place.registerId ? items.find((r) => r.id === place.registerId) : undefined;
  return (
    <div className="registers-area stack" ref={content} tabIndex={-1}>
      {registers.error !== null && <ErrorNotice error={registers.error} onRetry={registers.reload} />}
      {registers.loading && !registers.data && <p className="muted">{t('common.loading')}</p>}
      {registers.data && !place.registerId && <RegisterList registers={items} />}
      {registers.data && place.registerId && !register && (
        <p className="notice notice-warning">{t('registersAdmin.notFound')}</p>
      )}
      {register && <RegisterPage register={register} tab={place.tab} />}
    </div>
  );
}
