import { useEffect, useState } from 'react';
import { formatRemaining } from './format';

/** Re-drawn this often: the countdown shows minutes, so a few seconds late is never visible. */
const TICK_MS = 5_000;

/**
 * A live "due in …" from the API's secondsRemaining: it counts on from the moment the figure arrived (by the
 * browser's clock only for the time elapsed since, so a wrong browser clock cannot move a due time).
 */
export function Countdown({ seconds }: { seconds: number | null | undefined }) {
  const [since, setSince] = useState(() => Date.now());
  const [now, setNow] = useState(since);
  useEffect(() => {
    const arrived = Date.now();
    setSince(arrived);
    setNow(arrived);
  }, [seconds]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const left = seconds === null || seconds === undefined ? null : seconds - Math.floor((now - since) / 1000);
  return <span className={left !== null && left < 0 ? 'hub-overdue' : undefined}>{formatRemaining(left)}</span>;
}
