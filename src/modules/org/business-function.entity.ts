import { TimeZoneResolver, UUIDResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A BOD / function (Accounts Management, RICS RIVO, CI, CAWR, ...): data, never an enum in code. */
@ObjectType('BusinessFunction')
@Entity('business_function')
export class BusinessFunction {
  @Field(() => UUIDResolver)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String, { description: 'Short stable code, e.g. "AM" or "RICS-RIVO"' })
  @Column({ type: 'text', unique: true })
  code!: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name!: string;

  @Field(() => TimeZoneResolver, { description: 'IANA time zone in which its business days and ends of day are counted' })
  @Column({ type: 'text', name: 'time_zone' })
  timeZone!: string;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
