import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-person calendar feeds: only the SHA-256 of each feed token is stored. */
export class CalendarFeeds1796233913518 implements MigrationInterface {
  name = 'CalendarFeeds1796233913518';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_feed_token" ("employee_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_da3743af69f31ffd278f363bce5" UNIQUE ("token_hash"), CONSTRAINT "PK_7da8331b43336e1cbd7ac53daca" PRIMARY KEY ("employee_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feed_token" ADD CONSTRAINT "FK_7da8331b43336e1cbd7ac53daca" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendar_feed_token" DROP CONSTRAINT "FK_7da8331b43336e1cbd7ac53daca"`);
    await queryRunner.query(`DROP TABLE "calendar_feed_token"`);
  }
}
