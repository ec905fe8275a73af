import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setUnauthorizedHandler, tokenStore } from '../api/client';
import type { User } from '../api/types';

interface Auth {
  user: User | null;
  /** True until the saved token has been checked against the server. */
  restoring: boolean;
  signIn: (email: string, password: string) => Promise<User>;
  signOut: () => void;
  refresh: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [restoring, setRestoring] = useState(() => tokenStore.get() !== null);

  const signOut = useCallback(() => {
    tokenStore.clear();
    setUser(null);
  }, []);

  const refresh = useCallback(async () => {
    if (!tokenStore.get()) return;
    try {
      setUser(await api.me());
    } catch (error) {
      // A server that cannot be reached keeps the token for the next load; one that refuses it ends the session.
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) signOut();
    }
  }, [signOut]);

  useEffect(() => {
    setUnauthorizedHandler(signOut);
    refresh().finally(() => setRestoring(false));
  }, [refresh, signOut]);

  const signIn = useCallback(async (email: string, password: string) => {
    const session = await api.login(email, password);
    tokenStore.set(session.token);
    setUser(session.user);
    return session.user;
  }, []);

  const value = useMemo(() => ({ user, restoring, signIn, signOut, refresh }), [user, restoring, signIn, signOut, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth outside AuthProvider');
  return context;
}

export const isSeller = (user: User | null) => user?.role === 'SELLER' || user?.role === 'ADMIN';
export const isAdmin = (user: User | null) => user?.role === 'ADMIN';
