import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Form 4442 categories' preconditions as catalogue data (IRM 25.25.6), each category's `irm_reference` being
 * the citation a refusal gives:
 * - RICS RIVO - TPP: file only after 9 weeks + 60 days (63 + 60 = 123 days) from the first call (25.25.6.3.3(4));
 *   an archived or deleted return instead needs authentication and its DLN (25.25.6.5.5.4(3)).
 * - RICS RIVO - UP 147 RC 8: the return deleted as UP 147 RC 8 for more than 3 weeks (25.25.6.6.4(5)).
 * - RICS-IVO - MFT 32 Reversal: authentication and the DLN (25.25.6.5.5.1(3); requires_dln already set).
 * - TWRO UP 126 RC 0: a revenue officer, who authenticated the taxpayer face to face (by telephone if international)
 *   and states that the return is the taxpayer's (25.25.6.2.3(1)-(2)).
 */
export class CategoryPreconditions1796240000000 implements MigrationInterface {
  name = 'CategoryPreconditions1796240000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "referral_category"
         ADD "first_call_wait_days" integer,
         ADD "archived_return_needs_dln" boolean NOT NULL DEFAULT false,
         ADD "deleted_more_than_days" integer,
         ADD "originator_role" text,
         ADD "requires_ro_authentication" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `UPDATE "referral_category" SET "first_call_wait_days" = 123, "archived_return_needs_dln" = true WHERE "code" = 'RICS_RIVO_TPP'`,
    );
    await queryRunner.query(`UPDATE "referral_category" SET "deleted_more_than_days" = 21 WHERE "code" = 'RICS_RIVO_UP147_RC8'`);
    await queryRunner.query(
      `UPDATE "referral_category" SET "originator_role" = 'REVENUE_OFFICER', "requires_ro_authentication" = true WHERE "code" = 'TWRO_RO_UP126_RC0'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "referral_category"
         DROP COLUMN "requires_ro_authentication",
         DROP COLUMN "originator_role",
         DROP COLUMN "deleted_more_than_days",
         DROP COLUMN "archived_return_needs_dln",
         DROP COLUMN "first_call_wait_days"`,
    );
  }
}
