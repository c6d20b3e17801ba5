import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { RequestObservation } from './request-observation';

const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

interface SweepCounts {
  reminders?: number;
  breaches: number;
  escalations: number;
}

/** The `kind` label of each count a sweep reports (the values of the sweeps' event kinds). */
const SWEEP_EVENTS = { reminders: 'REMINDER', breaches: 'BREACH', escalations: 'ESCALATION' } as const;
const SWEPT_SUBJECTS = ['referral', 'investigation'] as const;

/**
 * The hub's Prometheus registry and the metrics observed as things happen (requests, errors, sweeps).
 * Gauges read from the database at scrape time are added by `registerDatabaseGauges`.
 */
export class HubMetrics {
  readonly registry = new Registry();

  private readonly requestDuration = new Histogram({
    name: 'hub_graphql_request_duration_seconds',
    help: 'GraphQL HTTP requests, from arrival to the last byte of the response, by operation (its one root field, or (multiple), (invalid), (unauthenticated))',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly errors = new Counter({
    name: 'hub_graphql_errors_total',
    help: 'Errors returned in GraphQL responses, by extensions.code',
    labelNames: ['code'],
    registers: [this.registry],
  });

  private readonly sweepDuration = new Histogram({
    name: 'hub_sla_sweep_duration_seconds',
    help: 'One SLA sweep (referral clocks, then OI due times) in this instance',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });

  private readonly slaEvents = new Counter({
    name: 'hub_sla_events_total',
    help: 'Reminders, breaches and escalations recorded by the SLA sweeps of this instance, by subject (referral, investigation)',
    labelNames: ['subject', 'kind'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Every series exists from the start, so that increase() sees the first event.
    for (const subject of SWEPT_SUBJECTS) for (const kind of Object.values(SWEEP_EVENTS)) this.slaEvents.inc({ subject, kind }, 0);
  }

  /** Called once per GraphQL request when its response is done. */
  requestFinished(observation: RequestObservation & { operation: string }, seconds: number): void {
    this.requestDuration.observe({ operation: observation.operation }, seconds);
    for (const code of observation.errorCodes) this.errors.inc({ code: ERROR_CODE.test(code) ? code : 'OTHER' });
  }

  /** Starts timing a sweep; the returned function records its duration and what it found. */
  sweepStarted(): (referrals: SweepCounts, investigations: SweepCounts) => void {
    const stopTimer = this.sweepDuration.startTimer();
    return (referrals, investigations) => {
      stopTimer();
      const counts = { referral: referrals, investigation: investigations };
      for (const subject of SWEPT_SUBJECTS) {
        for (const [field, kind] of Object.entries(SWEEP_EVENTS) as [keyof SweepCounts, string][]) {
          this.slaEvents.inc({ subject, kind }, counts[subject][field] ?? 0);
        }
      }
    };
  }
}
