import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access audit records refusals too: each row says whether the access was ALLOWED or refused (FORBIDDEN,
 * NOT_FOUND). Rows before this were all allowed accesses. Adding a column fires no row trigger, so the
 * append-only triggers stay as they are.
 */
export class AuditRefusals1796156746014 implements MigrationInterface {
  name = 'AuditRefusals1796156746014';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "access_audit" ADD "outcome" text NOT NULL DEFAULT 'ALLOWED'`);
    await queryRunner.query(`CREATE INDEX "access_audit_outcome_idx" ON "access_audit" ("outcome", "at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."access_audit_outcome_idx"`);
    await queryRunner.query(`ALTER TABLE "access_audit" DROP COLUMN "outcome"`);
  }
}
