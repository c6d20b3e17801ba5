import { registerEnumType } from 'type-graphql';

/** An employee's choice of delivery, kept on the employee and read when a notice is written to the outbox. */
export enum NotificationMode {
  IMMEDIATE = 'IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
}

registerEnumType(NotificationMode, {
  name: 'NotificationMode',
  description: 'How non-urgent notices reach an employee; breaches, escalations and reminders are always immediate',
  valuesConfig: {
    IMMEDIATE: { description: 'Every notice by e-mail as soon as it is written' },
    DAILY_DIGEST: {
      description: "Non-urgent notices in one e-mail a day (at the hub's digest hour, in DIGEST_TIME_ZONE); urgent ones at once",
    },
  },
});
