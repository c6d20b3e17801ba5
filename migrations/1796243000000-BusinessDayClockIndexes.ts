import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A closure change looks for the running business-day clocks due on or after its dates: the review clocks of
 * SUBMITTED referrals and the acknowledgment clocks of FORWARDED ones. Without these it read every referral in those
 * states (0.9 s at 1,000,000 referrals); each is a small partial index on the one state that runs the clock.
 */
export class BusinessDayClockIndexes1796243000000 implements MigrationInterface {
  name = 'BusinessDayClockIndexes1796243000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "referral_review_clock_idx" ON "referral" ("review_due_at") WHERE state = 'SUBMITTED'`);
    await queryRunner.query(`CREATE INDEX "referral_ack_clock_idx" ON "referral" ("ack_due_at") WHERE state = 'FORWARDED'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."referral_ack_clock_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referral_review_clock_idx"`);
  }
}
