import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to an employee or a liaison assignment is announced on the hub's live-updates channel when it commits
 * (topic `employee`, the employee's id), whoever makes it: each instance drops that employee from its cache of callers
 * (the cache of callers in modules/org/org.service.ts) as soon as the notice arrives, so a deactivation or a role change applies at once.
 */
export class CallerChangeNotices1796244000000 implements MigrationInterface {
  name = 'CallerChangeNotices1796244000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The employee's id column is the trigger's argument (employee.id, liaison_assignment.employee_id); an update
    // announces the old row's employee too.
    await queryRunner.query(`
      CREATE FUNCTION hub_announce_employee_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids jsonb := '[]'::jsonb;
      BEGIN
        IF TG_OP <> 'DELETE' THEN ids := ids || jsonb_build_array(to_jsonb(NEW) -> TG_ARGV[0]); END IF;
        IF TG_OP <> 'INSERT' THEN ids := ids || jsonb_build_array(to_jsonb(OLD) -> TG_ARGV[0]); END IF;
        PERFORM pg_notify('hub_live', jsonb_build_object('topic', 'employee', 'ids', ids)::text);
        RETURN NULL;
      END $$`);
    for (const [table, column] of [
      ['employee', 'id'],
      ['liaison_assignment', 'employee_id'],
    ]) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_announce_change AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION hub_announce_employee_change('${column}')`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['employee', 'liaison_assignment']) await queryRunner.query(`DROP TRIGGER ${table}_announce_change ON ${table}`);
    await queryRunner.query(`DROP FUNCTION hub_announce_employee_change()`);
  }
}
