import { GraphQLJSONObject, UUIDResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum TecsSubject {
  LOOKOUT = 'LOOKOUT',
  CROSSING = 'CROSSING',
  INVESTIGATION = 'INVESTIGATION',
  CASE = 'CASE',
}
registerEnumType(TecsSubject, {
  name: 'TecsSubject',
  description: 'What a TECS history entry is about',
  valuesConfig: {
    LOOKOUT: { description: 'A TECS lookout (Form 6668 request and what followed)' },
    CROSSING: { description: 'A DHS crossing report' },
    INVESTIGATION: { description: 'An OI or courtesy investigation opened from a crossing' },
    CASE: {
      description:
        'The collection case: the lookout information put into the ICS case history when an OI is opened (IRM 5.1.18.13.7, seed 000)',
    },
  },
});

/** Append-only history of the TECS workflow (lookouts, crossings, OIs, case history); a trigger forbids changes. */
@ObjectType({
  description:
    'One step of the TECS workflow (lookout, crossing, OI or case history), as recorded (append-only); seen by those on the TECS case through lookoutHistory',
})
@Entity('tecs_history')
@Index(['subjectId', 'at'])
export class TecsHistoryEntry {
  @Field(() => ID, { description: 'The entry id (a number, ascending in the order written; not a UUID)' })
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Field(() => TecsSubject, { description: 'What the entry is about' })
  @Column({ type: 'text', name: 'subject_type' })
  subjectType!: TecsSubject;

  @Field(() => UUIDResolver, { description: 'The lookout, crossing, OI or collection case the entry is about' })
  @Column({ type: 'uuid', name: 'subject_id' })
  subjectId!: string;

  @Field(() => String, {
    description:
      'The action: a LookoutAction name for a lookout (e.g. ACCEPT), a CrossingAction or InvestigationAction value (e.g. OI_OPENED, REISSUED), SLA_BREACH / SLA_ESCALATION for an overdue OI, LOOKOUT_INFORMATION or CASE_CREATED_FROM_ARCHIVE for the case',
  })
  @Column({ type: 'text' })
  action!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The state before (LookoutState, CrossingStatus or InvestigationState); null when created or unchanged',
  })
  @Column({ type: 'text', name: 'from_state', nullable: true })
  fromState!: string | null;

  @Field(() => String, { nullable: true, description: 'The state after; null for an entry that changes no state (e.g. the case history)' })
  @Column({ type: 'text', name: 'to_state', nullable: true })
  toState!: string | null;

  /** null when DHS (the machine client) or the hub acted. */
  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Field(() => Date, { description: 'When it happened (UTC instant)' })
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The reason or note given (e.g. why the coordinator declined or dismissed); internal',
  })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'What the step recorded, by action (e.g. the TECS record reference, the OI issued to, the outcomes, the crossing facts put into the case history); never a TIN',
  })
  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
