import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { clearDrafts } from './drafts';

/**
 * The signed-in person's bearer token, in sessionStorage: it lives as long as the tab, is never put in a URL or a
 * cookie, and no other origin's script can read it. Where to go back after signing in is kept there too.
 */
export interface Session {
  token: string;
  expiresAt: string;
}

const SESSION_KEY = 'hub.session';
const RETURN_TO_KEY = 'hub.returnTo';

export function storedSession(): Session | null {
  const raw = sessionStorage.getItem(SESSION_KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
}

interface SessionControl {
  session: Session | null;
  /** How the last session ended: the API refused its token (the sign-in page says so), or the person signed out. */
  ended: 'expired' | 'signed-out' | null;
  /** Signed in: back to the page the person was sent away from, or home. */
  signIn(session: Session): void;
  /** Signing out forgets the token and every half-filled form. */
  signOut(): void;
  /** The API refused the token (expired): sign in again, then come back here with the drafts kept. */
  expire(): void;
}

const SessionContext = createContext<SessionControl | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState(storedSession);
  const [ended, setEnded] = useState<SessionControl['ended']>(null);
  const navigate = useNavigate();

  const signIn = useCallback(
    (next: Session) => {
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
      setSession(next);
      setEnded(null);
      const returnTo = sessionStorage.getItem(RETURN_TO_KEY) ?? '/';
      sessionStorage.removeItem(RETURN_TO_KEY);
      navigate(returnTo, { replace: true });
    },
    [navigate],
  );
  const signOut = useCallback(() => {
    sessionStorage.removeItem(SESSION_KEY);
    clearDrafts();
    sessionStorage.removeItem(RETURN_TO_KEY);
    setSession(null);
    setEnded('signed-out');
    navigate('/sign-in', { replace: true });
  }, [navigate]);
  // The signed-in pages then send the person to sign in, remembering where they were.
  const expire = useCallback(() => {
    sessionStorage.removeItem(SESSION_KEY);
    setSession(null);
    setEnded('expired');
  }, []);

  const control = useMemo(() => ({ session, ended, signIn, signOut, expire }), [session, ended, signIn, signOut, expire]);
  return <SessionContext.Provider value={control}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionControl {
  const control = useContext(SessionContext);
  if (!control) throw new Error('useSession outside SessionProvider');
  return control;
}

/** A page that needs a signed-in person sends anyone else to sign in, remembering where they were going. */
export function rememberReturnTo(path: string): void {
  sessionStorage.setItem(RETURN_TO_KEY, path);
}
