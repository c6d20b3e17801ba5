import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to a business function or a referral route is announced on the hub's live-updates channel when it
 * commits (topic: the table's name; "many" items), whoever makes it: each instance drops what it cached of the table
 * (platform/live/noticed-cache.ts) as soon as the notice arrives, so a filing is checked against the rows as they are.
 */
export class ReferenceDataChangeNotices1796245000000 implements MigrationInterface {
  name = 'ReferenceDataChangeNotices1796245000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION hub_announce_table_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('hub_live', jsonb_build_object('topic', TG_TABLE_NAME, 'ids', NULL)::text);
        RETURN NULL;
      END $$`);
    for (const table of ['business_function', 'referral_route']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_announce_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION hub_announce_table_change()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['business_function', 'referral_route'])
      await queryRunner.query(`DROP TRIGGER ${table}_announce_change ON ${table}`);
    await queryRunner.query(`DROP FUNCTION hub_announce_table_change()`);
  }
}
