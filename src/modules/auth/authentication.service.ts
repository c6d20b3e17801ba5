import { OrgService } from '../org/org.service';
import { AccessTokenVerifier } from './access-token';
import { Caller } from '../org/caller';

/** From a bearer header to the calling employee; deactivated employees are refused even with a valid token. */
export class AuthenticationService {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly org: OrgService,
  ) {}

  async authenticate(header: string | undefined, now: Date): Promise<Caller> {
    const identity = await this.verifier.verify(header, now);
    if ('employeeId' in identity) return this.org.loadCaller(identity.employeeId);
    return this.org.loadCallerByEmail(identity.email);
  }
}
