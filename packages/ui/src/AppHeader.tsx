import type { ReactNode } from 'react';
import { useT } from './i18n/i18n';
import { LanguageSwitch } from './i18n/LanguageSwitch';
import { useOptionalSession } from './session/session';

/** The top bar of every app: title, the signed-in staff member with "Sign out", the language switch. */
export function AppHeader({ title, children }: { title: string; children?: ReactNode }) {
  const t = useT();
  const session = useOptionalSession();
  const user = session?.user;
  return (
    <header className="app-header">
      <div className="app-header-bar">
        <h1 className="app-title">{title}</h1>
        <div className="app-header-actions">
          {user && session && (
            <>
              <span className="app-user">
                <span className="visually-hidden">{t('auth.signedInAs')} </span>
                <strong>{user.name}</strong> <span className="muted">{t(`role.${user.role}`)}</span>
              </span>
              <button type="button" className="button button-quiet" onClick={() => void session.signOut()}>
                {t('auth.signOut')}
              </button>
            </>
          )}
          <LanguageSwitch />
        </div>
      </div>
      {children}
    </header>
  );
}
