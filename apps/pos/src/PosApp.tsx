import { AppHeader, RequireStaff, useT } from '@handla/ui';
import { useEffect } from 'react';
import { RegisterShell } from './RegisterShell';

/** The register: any staff member signs in, then sees the register shell. */
export function PosApp() {
  const t = useT();
  const title = t('pos.title');
  useEffect(() => {
    document.title = `${title} – Handla`;
  }, [title]);
  return (
    <>
      <AppHeader title={title} />
      <main className="page">
        <RequireStaff>
          <RegisterShell />
        </RequireStaff>
      </main>
    </>
  );
}
