import { MigrationInterface, QueryRunner } from 'typeorm';

/** Separation of duties: the manager who reviews a referral its filer, the function's only liaison, cannot. */
export class StandInReviewer1796234500000 implements MigrationInterface {
  name = 'StandInReviewer1796234500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referral" ADD "stand_in_reviewer_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referral" DROP COLUMN "stand_in_reviewer_id"`);
  }
}
