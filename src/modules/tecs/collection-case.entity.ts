import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CaseStatus } from './tecs-state';

/**
 * The collection case a lookout belongs to. When the case was archived, opening an OI creates a new case
 * record first and puts the lookout information in its history (seed 000, TECS coordinator note).
 */
@ObjectType()
@Entity('collection_case')
export class CollectionCase {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String)
  @Column({ type: 'text', name: 'case_number', unique: true })
  caseNumber!: string;

  @Field(() => CaseStatus)
  @Column({ type: 'text' })
  status!: CaseStatus;

  @Field(() => String, { nullable: true, description: 'e.g. CNC – Unable to Contact, International TC 530 CC 06' })
  @Column({ type: 'text', name: 'closure_code', nullable: true })
  closureCode!: string | null;

  @Column({ type: 'uuid', name: 'revenue_officer_id' })
  revenueOfficerId!: string;

  @Column({ type: 'uuid', name: 'group_manager_id' })
  groupManagerId!: string;

  /** The archived case this one was re-created from. */
  @Column({ type: 'uuid', name: 'reopened_from_id', nullable: true })
  reopenedFromId!: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
