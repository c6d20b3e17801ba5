import { UUIDResolver } from 'graphql-scalars';
import { TimeZoneScalar } from '../../platform/graphql/time-zone.scalar';
import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A BOD / function (Accounts Management, RICS RIVO, CI, CAWR, ...): data, never an enum in code. */
@ObjectType('BusinessFunction', {
  description:
    'A business operating division or function (Accounts Management, RICS RIVO, CI, CAWR, SP Entity, ...): sends and receives referrals; its liaisons are data (IRM 10.5.3.3.7(4))',
})
@Entity('business_function')
export class BusinessFunction {
  @Field(() => UUIDResolver, { description: "The function's id (UUID)" })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String, { description: 'Short stable code, e.g. "AM" or "RICS-RIVO"' })
  @Column({ type: 'text', unique: true })
  code!: string;

  @Field(() => String, { description: 'Full name, e.g. "Accounts Management"' })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => TimeZoneScalar, { description: 'IANA time zone in which its business days and ends of day are counted' })
  @Column({ type: 'text', name: 'time_zone' })
  timeZone!: string;

  @Field(() => Boolean, { description: 'false once retired: no new referrals are routed to it' })
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
