import { UUIDResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { BusinessFunction } from './business-function.entity';
import { Employee } from './employee.entity';

/** Who is a BMF ID theft liaison for which function (IRM 10.5.3.3.7(4): the liaison list is data). */
@ObjectType({
  description:
    "An employee made a BMF ID theft liaison of a function: reviews that function's 14566 referrals and takes disagreements (IRM 10.5.3.3.7(4))",
})
@Entity('liaison_assignment')
@Unique(['functionId', 'employeeId'])
export class LiaisonAssignment {
  @Field(() => UUIDResolver, { description: "The assignment's id (UUID)" })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid', name: 'function_id' })
  functionId!: string;

  @ManyToOne(() => BusinessFunction, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'function_id' })
  function?: BusinessFunction;

  @Index()
  @Column({ type: 'uuid', name: 'employee_id' })
  employeeId!: string;

  @ManyToOne(() => Employee, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee?: Employee;

  @Field(() => Date, { description: 'When the admin made the assignment (UTC instant)' })
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
