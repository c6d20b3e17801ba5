import { useEffect, useState } from 'react';

/**
 * Half-filled forms survive a failed submit, a reload and a sign-in after the token expired: each is kept in
 * sessionStorage (this tab only) until it is sent, and every draft is dropped at sign-out.
 */
const DRAFT_PREFIX = 'hub.draft.';

export function useDraft<T>(key: string, initial: T): [T, (next: T) => void, () => void] {
  const storageKey = DRAFT_PREFIX + key;
  const [value, setValue] = useState<T>(() => {
    const raw = sessionStorage.getItem(storageKey);
    return raw ? (JSON.parse(raw) as T) : initial;
  });
  useEffect(() => {
    sessionStorage.setItem(storageKey, JSON.stringify(value));
  }, [storageKey, value]);
  const discard = () => {
    sessionStorage.removeItem(storageKey);
    setValue(initial);
  };
  return [value, setValue, discard];
}

export function clearDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(DRAFT_PREFIX)) sessionStorage.removeItem(key);
}
