import express, { Router } from 'express';
import { DataSource } from 'typeorm';
import { issueAccessToken } from '../../modules/auth/access-token';
import { Clock } from '../../platform/common/clock';
import { isUuid } from '../../platform/common/uuid';
import { AppConfig } from '../../platform/config/config';
import { Employee } from '../../modules/org/employee.entity';

export const DEV_SIGN_IN_PATH = '/dev-sign-in';

/** The demo people offered on the development sign-in page. */
const MAX_LISTED_EMPLOYEES = 500;

/**
 * Development and tests only (the hub never mounts it when NODE_ENV=production): the console's sign-in page lists
 * the active employees, and picking one issues the same bearer token `npm run token` would. The token goes back
 * in the JSON body, never in a URL or a cookie.
 */
export function devSignInRoutes(options: { auth: AppConfig['auth']; dataSource: DataSource; clock: Clock }): Router {
  const router = Router();
  router.get('/employees', async (_req, res, next) => {
    try {
      const employees = await options.dataSource.manager.find(Employee, {
        where: { active: true },
        relations: { function: true },
        order: { email: 'ASC' },
        take: MAX_LISTED_EMPLOYEES,
      });
      res.json({
        employees: employees.map((e) => ({ id: e.id, name: e.name, email: e.email, functionCode: e.function?.code ?? '', roles: e.roles })),
      });
    } catch (error) {
      next(error);
    }
  });
  router.post('/', express.json({ limit: 1024 }), async (req, res, next) => {
    try {
      const employeeId: unknown = req.body?.employeeId;
      const employee =
        typeof employeeId === 'string' && isUuid(employeeId)
          ? await options.dataSource.manager.findOneBy(Employee, { id: employeeId, active: true })
          : null;
      if (!employee) {
        res.status(400).json({ errors: [{ message: 'Pick an active employee', extensions: { code: 'BAD_USER_INPUT' } }] });
        return;
      }
      const now = options.clock.now();
      const token = await issueAccessToken(options.auth, employee.id, now);
      res.setHeader('cache-control', 'no-store');
      res.json({ token, expiresAt: new Date(now.getTime() + options.auth.tokenTtlSeconds * 1000).toISOString() });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
