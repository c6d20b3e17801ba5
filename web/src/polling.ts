import { useEffect } from 'react';

/** The work queue refreshes itself this often (until the API offers a subscription). */
export const POLL_SECONDS = 15;

export function usePolling(refresh: () => void, seconds = POLL_SECONDS): void {
  useEffect(() => {
    const timer = setInterval(refresh, seconds * 1000);
    return () => clearInterval(timer);
  }, [refresh, seconds]);
}
