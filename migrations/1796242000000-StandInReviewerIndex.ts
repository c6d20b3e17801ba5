import { MigrationInterface, QueryRunner } from 'typeorm';

/** The work queue's stand-in-reviewer branch read the whole referral table (a sequential scan at 1,000,000 rows). */
export class StandInReviewerIndex1796242000000 implements MigrationInterface {
  name = 'StandInReviewerIndex1796242000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "referral_stand_in_reviewer_idx" ON "referral" ("stand_in_reviewer_id", "next_due_at") WHERE stand_in_reviewer_id IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."referral_stand_in_reviewer_idx"`);
  }
}
