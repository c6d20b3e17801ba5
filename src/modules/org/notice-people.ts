import { NoticePeople } from '../../platform/notifications/notice-composer';
import { BusinessFunction } from './business-function.entity';
import { Employee } from './employee.entity';

/** Notices reach active employees only, each in the delivery mode they chose (NotificationOutbox). */
export const NOTICE_RECIPIENTS_SQL = 'SELECT id, notification_mode FROM employee WHERE active';

/** Notices go to employees, with due times in their function's zone, and name the employee who acted. */
export const NOTICE_PEOPLE: NoticePeople = {
  async recipient(manager, id) {
    const employee = await manager.findOneByOrFail(Employee, { id });
    const { timeZone } = await manager.findOneByOrFail(BusinessFunction, { id: employee.functionId });
    return { name: employee.name, email: employee.email, timeZone };
  },
  async nameOf(manager, id) {
    return (await manager.findOneBy(Employee, { id }))?.name ?? null;
  },
};
