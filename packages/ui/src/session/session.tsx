// The signed-in staff member, asked of the server once per page load and shared by the whole app.
import { ApiError, type LoginBody, type StaffUser } from '@handla/api';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiProvider, useApi } from '../api';
import { withSessionExpiry } from './expiry';

/** The session as components see it. */
export interface SessionValue {
  user: StaffUser | null;
  /** True until the first `me()` has answered. */
  loading: boolean;
  /** Set when `me()` failed for another reason than "not signed in" (e.g. server unreachable). */
  error: unknown;
  signIn: (body: LoginBody) => Promise<StaffUser>;
  signOut: () => Promise<void>;
  /** Asks the server again, e.g. after `error` or when a call answered 401. */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/**
 * Calls `me()` on mount and provides the session to `useSession`, `RequireStaff` and `AppHeader`.
 * Below it, `useApi()` gives a client that returns to the sign-in form when the session has expired.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [user, setUser] = useState<StaffUser | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    try {
      const session = await api.me();
      setUser(session.user);
      setError(null);
    } catch (e) {
      setUser(null);
      setError(e instanceof ApiError && e.status === 401 ? null : e);
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(
    async (body: LoginBody) => {
      const session = await api.login(body);
      setUser(session.user);
      setError(null);
      return session.user;
    },
    [api],
  );

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      // Forget the user even if the call failed: a shared register must not stay signed in on screen.
      setUser(null);
    }
  }, [api]);

  const value = useMemo(
    () => ({ user, loading, error, signIn, signOut, refresh }),
    [user, loading, error, signIn, signOut, refresh],
  );
  const guardedApi = useMemo(() => withSessionExpiry(api, () => setUser(null)), [api]);
  return (
    <ApiProvider client={guardedApi}>
      <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
    </ApiProvider>
  );
}

/** The session of the nearest `SessionProvider`: user, loading, signIn, signOut. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a <SessionProvider> above it');
  return value;
}

/** Like `useSession`, but null outside a `SessionProvider` (the shop has no staff session). */
export function useOptionalSession(): SessionValue | null {
  return useContext(SessionContext);
}
