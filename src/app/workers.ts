import { AppConfig } from '../platform/config/config';
import { HubMetrics } from '../platform/observability/metrics';
import { Services } from './services';
import { DELIVERY_BATCH_SIZE, JobQueue, QUEUES } from '../platform/notifications/job-queue';

/**
 * Registers this instance's workers and crons. Several instances may do this on one database:
 * pg-boss hands each job to one worker, and a cron tick produces one job (stately queues: one queued and one running at most).
 */
export async function startWorkers(
  jobs: JobQueue,
  services: Services,
  config: AppConfig['jobs'],
  log: (message: string) => void,
  metrics: HubMetrics,
): Promise<void> {
  const polling = { pollingIntervalSeconds: config.pollingIntervalSeconds };
  // Jobs of a batch fail one by one: one unreachable recipient must not spend the others' retries. They are
  // sent concurrently, so the whole batch ends within one delivery's bound (the job expiry is set from it).
  await jobs.boss.work<{ notificationId: string }>(QUEUES.deliver, { ...polling, batchSize: DELIVERY_BATCH_SIZE }, async (batch) => {
    await Promise.all(
      batch.map(async (job) => {
        try {
          await services.delivery.deliver(job.data.notificationId);
        } catch (error) {
          await jobs.boss.fail(QUEUES.deliver, job.id, { message: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
  });
  await jobs.boss.work<{ notificationId: string }>(QUEUES.dead, polling, async (batch) => {
    for (const job of batch) await services.delivery.markDead(job.data.notificationId);
  });
  await jobs.boss.work(QUEUES.slaSweep, polling, async () => {
    const sweepDone = metrics.sweepStarted();
    const referrals = await services.slaSweep.run();
    const investigations = await services.investigationSweep.run();
    sweepDone(referrals, investigations);
    if (referrals.reminders + referrals.breaches + referrals.escalations + investigations.breaches + investigations.escalations > 0) {
      log(`SLA sweep: referrals ${JSON.stringify(referrals)}, OIs ${JSON.stringify(investigations)}`);
    }
  });
  await jobs.boss.work(QUEUES.digest, polling, async () => {
    const sent = await services.digest.sendDigests();
    if (sent) log(`daily digest: ${sent} queued`);
  });
  await jobs.boss.schedule(QUEUES.slaSweep, config.slaSweepCron);
  await jobs.boss.schedule(QUEUES.digest, config.digestCron, undefined, { tz: config.digestTimeZone });
}
