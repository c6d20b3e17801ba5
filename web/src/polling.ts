import { useEffect } from 'react';

/** A page refreshes itself this often while live updates are unavailable. */
export const POLL_SECONDS = 15;

/** Calls `refresh` every `seconds` (null: not at all). */
export function usePolling(refresh: () => void, seconds: number | null = POLL_SECONDS): void {
  useEffect(() => {
    if (seconds === null) return;
    const timer = setInterval(refresh, seconds * 1000);
    return () => clearInterval(timer);
  }, [refresh, seconds]);
}
