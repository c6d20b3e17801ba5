import { DownloadAccess } from '../../platform/exports/download';
import { Caller } from '../org/caller';
import { ACCESS_POLICY, rolesAllow } from './access-policy';
import { AuthenticationService } from './authentication.service';

/** Downloads are authenticated like GraphQL and decided by the same policy, keyed by their path. */
export function downloadAccess(auth: AuthenticationService): DownloadAccess<Caller> {
  return {
    authenticate: (authorization, now) => auth.authenticate(authorization, now),
    policyFor(path, caller) {
      const policy = ACCESS_POLICY[path];
      return { allowed: rolesAllow(policy, caller.employee.roles), auditReads: policy.auditReads === true };
    },
  };
}
