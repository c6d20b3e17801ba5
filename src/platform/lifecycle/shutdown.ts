import { AppConfig } from '../config/config';

/** How SHUTDOWN_TIMEOUT_SECONDS is shared: draining requests, then running jobs, the rest for pools and database. */
export interface ShutdownBudget {
  totalMs: number;
  drainMs: number;
  jobsMs: number;
}

export function shutdownBudget(config: Pick<AppConfig, 'shutdownTimeoutSeconds'>): ShutdownBudget {
  const totalMs = config.shutdownTimeoutSeconds * 1000;
  // pg-boss waits at least 1 s for running jobs whatever it is given.
  return { totalMs, drainMs: Math.round(totalMs * 0.4), jobsMs: Math.max(1000, Math.round(totalMs * 0.3)) };
}

export interface OrderedStop {
  totalMs: number;
  /** Stops everything in order; resolves when done. */
  stop(): Promise<void>;
  /** After the deadline: whatever must not outlive the process (the embedded database). */
  abandon(): Promise<void>;
  log(message: string): void;
}

/**
 * SIGINT (Ctrl-C, sent to the whole process group) and SIGTERM start one ordered stop; a second signal
 * changes nothing. Exit 0 when it is done, 1 when the deadline passed first.
 */
export function stopOnSignals({ totalMs, stop, abandon, log }: OrderedStop): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping (new requests refused, running ones drained, then workers, pools and database)`);
    const deadline = setTimeout(() => {
      log(`still stopping after ${totalMs / 1000} s (SHUTDOWN_TIMEOUT_SECONDS): exiting with work unfinished`);
      void abandon().finally(() => process.exit(1));
    }, totalMs);
    stop().then(
      () => {
        clearTimeout(deadline);
        log('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        log(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        void abandon().finally(() => process.exit(1));
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
