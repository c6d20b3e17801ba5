import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Employee } from '../org/employee.entity';

/**
 * A person's calendar feed: only the SHA-256 of its token is kept (the token is shown once, in the feed's URL).
 * One per employee: creating a new one replaces it, revoking deletes it, and the old URL stops working at once.
 */
@Entity('calendar_feed_token')
export class CalendarFeedToken {
  @PrimaryColumn({ type: 'uuid', name: 'employee_id' })
  employeeId!: string;

  @OneToOne(() => Employee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee?: Employee;

  @Column({ type: 'text', name: 'token_hash', unique: true })
  tokenHash!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
