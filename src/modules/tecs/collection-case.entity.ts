import { UUIDResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CaseStatus } from './tecs-state';

/**
 * The collection case a lookout belongs to. When the case was archived, opening an OI creates a new case
 * record first and puts the lookout information in its history (seed 000, TECS coordinator note).
 */
@ObjectType({
  description:
    'The collection case (ICS) a lookout belongs to; an OI on an archived case opens on a new case created from it (IRM 5.1.18.13.7, seed 000); seen by those on the TECS case',
})
@Entity('collection_case')
export class CollectionCase {
  @Field(() => UUIDResolver, { description: 'The case id' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String, { description: 'The case number the case history is kept under' })
  @Column({ type: 'text', name: 'case_number', unique: true })
  caseNumber!: string;

  @Field(() => CaseStatus, { description: 'Open, or closed and archived on ICS' })
  @Column({ type: 'text' })
  status!: CaseStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'The code the case was closed with, e.g. CNC – Unable to Contact, International TC 530 CC 06 (seed 000 examples); null while open',
  })
  @Column({ type: 'text', name: 'closure_code', nullable: true })
  closureCode!: string | null;

  @Column({ type: 'uuid', name: 'revenue_officer_id' })
  revenueOfficerId!: string;

  @Column({ type: 'uuid', name: 'group_manager_id' })
  groupManagerId!: string;

  /** The archived case this one was re-created from. */
  @Column({ type: 'uuid', name: 'reopened_from_id', nullable: true })
  reopenedFromId!: string | null;

  @Field(() => Date, { description: 'When the case record was created in the hub (UTC instant)' })
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
