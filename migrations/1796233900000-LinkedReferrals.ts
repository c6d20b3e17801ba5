import { MigrationInterface, QueryRunner } from 'typeorm';

/** A 14566 finding with IMF implications is filed to CI and the EF team at once; each copy names the other (IRM 10.5.3.3.8(4)). */
export class LinkedReferrals1796233900000 implements MigrationInterface {
  name = 'LinkedReferrals1796233900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referral" ADD "linked_referral_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referral" DROP COLUMN "linked_referral_id"`);
  }
}
