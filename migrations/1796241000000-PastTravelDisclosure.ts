import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disclosure of a past-travel answer under the TECS disclosure rules (seed 000): a disclosure or a DHS authorization
 * is of a crossing or of an answered past-travel request; the request records the case's tax years, which a
 * representative's authority must cover.
 */
export class PastTravelDisclosure1796241000000 implements MigrationInterface {
  name = 'PastTravelDisclosure1796241000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "past_travel_request" ADD "tax_years" integer array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "tecs_disclosure" ALTER COLUMN "crossing_id" DROP NOT NULL, ALTER COLUMN "lookout_id" DROP NOT NULL, ADD "past_travel_request_id" uuid`,
    );
    await queryRunner.query(
      `CREATE INDEX "tecs_disclosure_past_travel_idx" ON "tecs_disclosure" ("past_travel_request_id", "disclosed_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "dhs_disclosure_authorization" ALTER COLUMN "crossing_id" DROP NOT NULL, ADD "past_travel_request_id" uuid`,
    );
    await queryRunner.query(
      `CREATE INDEX "dhs_disclosure_authorization_past_travel_idx" ON "dhs_disclosure_authorization" ("past_travel_request_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "dhs_disclosure_authorization_past_travel_idx"`);
    await queryRunner.query(
      `ALTER TABLE "dhs_disclosure_authorization" DROP COLUMN "past_travel_request_id", ALTER COLUMN "crossing_id" SET NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX "tecs_disclosure_past_travel_idx"`);
    await queryRunner.query(
      `ALTER TABLE "tecs_disclosure" DROP COLUMN "past_travel_request_id", ALTER COLUMN "lookout_id" SET NOT NULL, ALTER COLUMN "crossing_id" SET NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "past_travel_request" DROP COLUMN "tax_years"`);
  }
}
