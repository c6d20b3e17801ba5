import { UUIDResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BusinessFunction } from './business-function.entity';
import { Role } from './role';
import { NotificationMode } from '../../platform/notifications/notification-mode';

@ObjectType({ description: 'A person (or the DHS machine client) of the hub, in one business function; the subject of the sign-in token' })
@Entity('employee')
export class Employee {
  @Field(() => UUIDResolver, { description: "The employee's id (UUID): the `sub` of their token" })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case; the login identity for `npm run token`. */
  @Field(() => String, { description: 'Work e-mail address (lower-case): the sign-in identity and where notices go' })
  @Column({ type: 'text', unique: true })
  email!: string;

  @Field(() => String, { description: 'Full name, as shown on referrals and in notices' })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Work telephone number, if recorded' })
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Index()
  @Column({ type: 'uuid', name: 'function_id' })
  functionId!: string;

  @ManyToOne(() => BusinessFunction, { nullable: false })
  @JoinColumn({ name: 'function_id' })
  function?: BusinessFunction;

  /** The next link of the management chain that elevations climb (IRM 10.5.3.3.7.1(5) note). */
  @Index()
  @Column({ type: 'uuid', name: 'manager_id', nullable: true })
  managerId!: string | null;

  // In code `manager` is always a TypeORM EntityManager; the person who manages is the managerEmployee.
  @ManyToOne(() => Employee, { nullable: true })
  @JoinColumn({ name: 'manager_id' })
  managerEmployee?: Employee | null;

  @Field(() => [Role], { description: 'What they may do besides filing referrals (see the README access table)' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles!: Role[];

  /** IMMEDIATE, or DAILY_DIGEST for non-urgent notices. */
  @Field(() => NotificationMode, { description: 'How they get non-urgent notices: at once, or in one daily digest' })
  @Column({ type: 'text', name: 'notification_mode', default: NotificationMode.IMMEDIATE })
  notificationMode!: NotificationMode;

  /** A deactivated employee's tokens are refused. */
  @Field(() => Boolean, { description: 'false once deactivated: their tokens are refused and they get no work' })
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  hasRole(role: Role): boolean {
    return this.roles.includes(role);
  }
}
