import { MigrationInterface, QueryRunner } from 'typeorm';

export class AttachedDocuments1796232354461 implements MigrationInterface {
  name = 'AttachedDocuments1796232354461';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "document" ("id" uuid NOT NULL, "owner_kind" text NOT NULL, "owner_id" uuid NOT NULL, "name" text NOT NULL, "media_type" text NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "sealed_key" text NOT NULL, "chunk_size" integer NOT NULL, "chunk_count" integer NOT NULL, "malware_scan" text NOT NULL, "uploaded_by_id" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e57d3357f83f3cdc0acffc3d777" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "document_owner_idx" ON "document"  ("owner_kind", "owner_id", "uploaded_at") `);
    await queryRunner.query(
      `CREATE TABLE "document_chunk" ("document_id" uuid NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_6863e4b0996ec6eff5e91095dcc" PRIMARY KEY ("document_id", "seq"))`,
    );
    // Sealed chunks do not compress: stored out of line without PostgreSQL trying to.
    await queryRunner.query(`ALTER TABLE "document_chunk" ALTER COLUMN "data" SET STORAGE EXTERNAL`);
    await queryRunner.query(
      `ALTER TABLE "document" ADD CONSTRAINT "FK_1b69aad62985f354d9aa36c995d" FOREIGN KEY ("uploaded_by_id") REFERENCES "employee"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_chunk" ADD CONSTRAINT "FK_13fe21b6cbdda6d223de93c1b4b" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document_chunk" DROP CONSTRAINT "FK_13fe21b6cbdda6d223de93c1b4b"`);
    await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "FK_1b69aad62985f354d9aa36c995d"`);
    await queryRunner.query(`DROP TABLE "document_chunk"`);
    await queryRunner.query(`DROP INDEX "public"."document_owner_idx"`);
    await queryRunner.query(`DROP TABLE "document"`);
  }
}
