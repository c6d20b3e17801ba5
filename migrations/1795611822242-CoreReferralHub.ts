import { MigrationInterface, QueryRunner } from 'typeorm';

/** Form 4442 categories (queues) of IRM 25.25.6 as shipped; later changes are data edits, not code. */
const CATEGORIES_4442: [
  code: string,
  name: string,
  aliases: string[],
  trigger: string,
  requiresDln: boolean,
  completionDays: number | null,
  taxpayerTold: string | null,
  irm: string,
][] = [
  [
    'RICS_RIVO_TPP',
    'RICS RIVO - TPP',
    ['RICS RIVO-TPP'],
    'TPP: documents mailed more than 9 weeks ago with an open RIVO control base (file only after 9 weeks + 60 days from the first call); or an authenticated taxpayer whose return was archived or deleted (remarks: authentication and the DLN of the return to process)',
    false,
    null,
    'Allow 60 more days (first call) or 9 weeks (archived/deleted return)',
    'IRM 25.25.6.3.3(4); 25.25.6.5.5.4(3)',
  ],
  [
    'RICS_RIVO_MFT32_REVERSAL',
    'RICS RIVO - MFT 32 Reversal',
    ['RICS-IVO - MFT 32 Reversal', 'RICS IVO - MFT 32 Reversal'],
    'Return closed as identity theft, not fixed the same day or in the QR window, and not on MFT 32 (remarks: taxpayer authenticated and the DLN of the return to move from MFT 32 to MFT 30)',
    true,
    null,
    'Allow 9 weeks',
    'IRM 25.25.6.5.5.1(3)',
  ],
  [
    'RICS_RIVO_UP147_RC8',
    'RICS RIVO - UP 147 RC 8',
    [],
    'Return deleted as UP 147 RC 8 for more than 3 weeks with no open or closed control to 1487300500',
    false,
    null,
    'Allow 9 weeks',
    'IRM 25.25.6.6.4(5)',
  ],
  [
    'RICS_RIVO_MFT_REVERSAL',
    'RICS RIVO - MFT Reversal',
    [],
    'MFT 32 reversal started (open control 1487355555), 9 weeks (16 for duplicate filing) passed and still unresolved 60 days after the call',
    false,
    60,
    'Allow 60 days from the date of the Form 4442',
    'IRM 25.25.6.6.4(5)',
  ],
  [
    'RICS_RIVO_MODULE_FREEZE',
    'RICS RIVO Unresolved Module Freeze Only',
    ['RICS RIVO - Unresolved Module Freeze Only'],
    'Return posted, refund held with TC 971/972 AC 129, 9 weeks or more since a NONIDT, NONIDTRESQ, NONIDTBKLD or NONIDTREV control opened',
    false,
    60,
    'Allow 60 days',
    'IRM 25.25.6.6.4(5)',
  ],
  [
    'RICS_RIVO_COMPLEX_NOT_IDT',
    'RICS RIVO Complex Issue Not ID Theft',
    ['RICS RIVO - Complex Issue Not ID Theft'],
    'Inbound MFT 32 reversal requests and analyst work that is not identity theft',
    false,
    null,
    null,
    'IRM 25.25.6.7.1(2)',
  ],
  [
    'TWRO_RO_UP126_RC0',
    'TWRO - Revenue Officer UP 126 RC 0',
    ['TWRO', 'Paper 4442'],
    "Revenue officer: return unpostable UP 126 RC 0; the taxpayer was authenticated face to face (by phone if international) and the return is the taxpayer's",
    false,
    null,
    null,
    'IRM 25.25.6.2.3(1)-(2)',
  ],
];

/** Organisation, referrals and their append-only history (issue: core referral hub). */
export class CoreReferralHub1795611822242 implements MigrationInterface {
  name = 'CoreReferralHub1795611822242';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "business_function" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "time_zone" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_82b9f4be222ce4914fece2e4842" UNIQUE ("code"), CONSTRAINT "PK_344ebde407a05a1d16131b9efb9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "employee" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "phone" text, "function_id" uuid NOT NULL, "manager_id" uuid, "roles" text array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_817d1d427138772d47eca048855" UNIQUE ("email"), CONSTRAINT "PK_3c2bc72f03fd5abbbc5ac169498" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_76a6190c57e94e01ba8335a624" ON "employee"  ("function_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4460baf94b8a9e2d60510f4f52" ON "employee"  ("manager_id") `);
    await queryRunner.query(
      `CREATE TABLE "liaison_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "function_id" uuid NOT NULL, "employee_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_1356fdb0c0b0d2bed517a60a673" UNIQUE ("function_id", "employee_id"), CONSTRAINT "PK_b26a743d6f6df60ef54ea494a2c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5b0ad61a4f36053430b664cb2d" ON "liaison_assignment"  ("function_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4011b11404736c58ef5f43131e" ON "liaison_assignment"  ("employee_id") `);
    await queryRunner.query(
      `CREATE TABLE "referral_category" ("code" text NOT NULL, "name" text NOT NULL, "aliases" text array NOT NULL DEFAULT '{}', "trigger" text NOT NULL, "requires_dln" boolean NOT NULL DEFAULT false, "completion_days" integer, "taxpayer_told" text, "irm_reference" text NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "UQ_332a69845b30289cab1ec9ed601" UNIQUE ("name"), CONSTRAINT "PK_57ed9c6a7fc63b91cea0fcddfd4" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "referral" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference_number" text NOT NULL, "form" text NOT NULL, "state" text NOT NULL, "version" integer NOT NULL, "originator_id" uuid NOT NULL, "originating_function_id" uuid NOT NULL, "receiving_function_id" uuid NOT NULL, "assignee_id" uuid, "category_code" text, "follow_up_of_id" uuid, "content" jsonb NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "review_due_at" TIMESTAMP WITH TIME ZONE, "received_at" TIMESTAMP WITH TIME ZONE, "ack_due_at" TIMESTAMP WITH TIME ZONE, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "completion_due_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "next_due_at" TIMESTAMP WITH TIME ZONE, "actions_taken" text array, "resolution_code" text, "elevation_level" integer NOT NULL DEFAULT '0', "elevation_holder_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_8045c8aae76b030be9ddf8956ed" UNIQUE ("reference_number"), CONSTRAINT "PK_a2d3e935a6591168066defec5ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c9b3a015d5ad56fe360d2a4045" ON "referral"  ("originator_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_404acbf422fe874b316b3a3308" ON "referral"  ("assignee_id") `);
    await queryRunner.query(`CREATE INDEX "referral_receiving_function_state_idx" ON "referral"  ("receiving_function_id", "state") `);
    await queryRunner.query(`CREATE INDEX "referral_originating_function_state_idx" ON "referral"  ("originating_function_id", "state") `);
    await queryRunner.query(`CREATE INDEX "referral_created_idx" ON "referral"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE INDEX "referral_open_next_due_idx" ON "referral"  ("next_due_at") WHERE state NOT IN ('CLOSED', 'WITHDRAWN', 'RETURNED_NO_TPP')`,
    );
    await queryRunner.query(
      `CREATE TABLE "referral_history" ("id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, "referral_id" uuid NOT NULL, "action" text NOT NULL, "from_state" text, "to_state" text NOT NULL, "actor_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "note" text, "details" jsonb, CONSTRAINT "PK_a09e5fca033f189bd757a535e9f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ab98a046d23e89a4c5d48b829e" ON "referral_history"  ("referral_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "referral_time_frame" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "function_id" uuid NOT NULL, "form" text NOT NULL, "ack_business_days" integer, "ack_calendar_days" integer, "completion_calendar_days" integer, "irm_reference" text NOT NULL, CONSTRAINT "UQ_2be45d6176262d430c20f7474a2" UNIQUE ("function_id", "form"), CONSTRAINT "PK_e4319bbbeaf804ae6d7d2ff6b4b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "employee" ADD CONSTRAINT "FK_76a6190c57e94e01ba8335a6240" FOREIGN KEY ("function_id") REFERENCES "business_function"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "employee" ADD CONSTRAINT "FK_4460baf94b8a9e2d60510f4f52b" FOREIGN KEY ("manager_id") REFERENCES "employee"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "liaison_assignment" ADD CONSTRAINT "FK_5b0ad61a4f36053430b664cb2d6" FOREIGN KEY ("function_id") REFERENCES "business_function"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "liaison_assignment" ADD CONSTRAINT "FK_4011b11404736c58ef5f43131e2" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "FK_c9b3a015d5ad56fe360d2a4045b" FOREIGN KEY ("originator_id") REFERENCES "employee"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "FK_49e63601984e2d134103015f58b" FOREIGN KEY ("originating_function_id") REFERENCES "business_function"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "FK_5e28c0e48e4b843fecf3dbab9dc" FOREIGN KEY ("receiving_function_id") REFERENCES "business_function"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "FK_404acbf422fe874b316b3a3308e" FOREIGN KEY ("assignee_id") REFERENCES "employee"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_history" ADD CONSTRAINT "FK_e41b2796f48fe6d8f240d0835c3" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_history" ADD CONSTRAINT "FK_323c6af67f319150b03076dda7f" FOREIGN KEY ("actor_id") REFERENCES "employee"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_time_frame" ADD CONSTRAINT "FK_69de9f6c548169723c00c78ca07" FOREIGN KEY ("function_id") REFERENCES "business_function"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE INDEX "referral_elevation_holders_idx" ON "referral" USING gin ("elevation_holder_ids") `);
    await queryRunner.query(`CREATE SEQUENCE "referral_number_seq"`);
    await queryRunner.query(`CREATE FUNCTION "forbid_change"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "referral_history_append_only" BEFORE UPDATE OR DELETE ON "referral_history" FOR EACH ROW EXECUTE FUNCTION "forbid_change"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "referral_history_no_truncate" BEFORE TRUNCATE ON "referral_history" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"()`,
    );
    for (const [code, name, aliases, trigger, requiresDln, completionDays, taxpayerTold, irm] of CATEGORIES_4442) {
      await queryRunner.query(
        `INSERT INTO "referral_category" ("code", "name", "aliases", "trigger", "requires_dln", "completion_days", "taxpayer_told", "irm_reference") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [code, name, aliases, trigger, requiresDln, completionDays, taxpayerTold, irm],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."referral_elevation_holders_idx"`);
    await queryRunner.query(`DROP TRIGGER "referral_history_no_truncate" ON "referral_history"`);
    await queryRunner.query(`DROP TRIGGER "referral_history_append_only" ON "referral_history"`);
    await queryRunner.query(`DROP FUNCTION "forbid_change"()`);
    await queryRunner.query(`DROP SEQUENCE "referral_number_seq"`);
    await queryRunner.query(`ALTER TABLE "referral_time_frame" DROP CONSTRAINT "FK_69de9f6c548169723c00c78ca07"`);
    await queryRunner.query(`ALTER TABLE "referral_history" DROP CONSTRAINT "FK_323c6af67f319150b03076dda7f"`);
    await queryRunner.query(`ALTER TABLE "referral_history" DROP CONSTRAINT "FK_e41b2796f48fe6d8f240d0835c3"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "FK_404acbf422fe874b316b3a3308e"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "FK_5e28c0e48e4b843fecf3dbab9dc"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "FK_49e63601984e2d134103015f58b"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "FK_c9b3a015d5ad56fe360d2a4045b"`);
    await queryRunner.query(`ALTER TABLE "liaison_assignment" DROP CONSTRAINT "FK_4011b11404736c58ef5f43131e2"`);
    await queryRunner.query(`ALTER TABLE "liaison_assignment" DROP CONSTRAINT "FK_5b0ad61a4f36053430b664cb2d6"`);
    await queryRunner.query(`ALTER TABLE "employee" DROP CONSTRAINT "FK_4460baf94b8a9e2d60510f4f52b"`);
    await queryRunner.query(`ALTER TABLE "employee" DROP CONSTRAINT "FK_76a6190c57e94e01ba8335a6240"`);
    await queryRunner.query(`DROP TABLE "referral_time_frame"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ab98a046d23e89a4c5d48b829e"`);
    await queryRunner.query(`DROP TABLE "referral_history"`);
    await queryRunner.query(`DROP INDEX "public"."referral_open_next_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referral_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referral_originating_function_state_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referral_receiving_function_state_idx"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_404acbf422fe874b316b3a3308"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c9b3a015d5ad56fe360d2a4045"`);
    await queryRunner.query(`DROP TABLE "referral"`);
    await queryRunner.query(`DROP TABLE "referral_category"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4011b11404736c58ef5f43131e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5b0ad61a4f36053430b664cb2d"`);
    await queryRunner.query(`DROP TABLE "liaison_assignment"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4460baf94b8a9e2d60510f4f52"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_76a6190c57e94e01ba8335a624"`);
    await queryRunner.query(`DROP TABLE "employee"`);
    await queryRunner.query(`DROP TABLE "business_function"`);
  }
}
