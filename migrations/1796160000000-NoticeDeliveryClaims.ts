import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery claims a notice (a token and a lease) instead of holding a row lock across the SMTP exchange:
 * the lease lapses, so a notice claimed by a worker that died mid-send is delivered by the job's retry.
 */
export class NoticeDeliveryClaims1796160000000 implements MigrationInterface {
  name = 'NoticeDeliveryClaims1796160000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "claim_token" uuid`);
    await queryRunner.query(`ALTER TABLE "notification" ADD "claimed_until" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "claimed_until"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "claim_token"`);
  }
}
