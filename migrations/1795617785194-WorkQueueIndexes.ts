import { MigrationInterface, QueryRunner } from 'typeorm';

/** Work queues: a function's referrals in one state, soonest due first, straight from the index (benchmark item 2). */

export class WorkQueueIndexes1795617785194 implements MigrationInterface {
  name = 'WorkQueueIndexes1795617785194';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."referral_receiving_function_state_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referral_originating_function_state_idx"`);
    await queryRunner.query(
      `CREATE INDEX "referral_receiving_function_state_idx" ON "referral"  ("receiving_function_id", "state", "next_due_at", "submitted_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "referral_originating_function_state_idx" ON "referral"  ("originating_function_id", "state", "next_due_at", "submitted_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."referral_originating_function_state_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referral_receiving_function_state_idx"`);
    await queryRunner.query(
      `CREATE INDEX "referral_originating_function_state_idx" ON "referral" USING btree ("originating_function_id", "state") `,
    );
    await queryRunner.query(
      `CREATE INDEX "referral_receiving_function_state_idx" ON "referral" USING btree ("receiving_function_id", "state") `,
    );
  }
}
