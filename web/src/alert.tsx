import { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { humanMessage } from './api-errors';

/**
 * A USWDS alert. Errors and warnings interrupt (role=alert, read out at once); a success waits its turn (status).
 */
export function Alert({ kind, slim = false, children }: { kind: 'error' | 'warning' | 'success'; slim?: boolean; children: ReactNode }) {
  return (
    <div
      className={`usa-alert usa-alert--${kind}${slim ? ' usa-alert--slim' : ''} margin-y-2`}
      role={kind === 'success' ? 'status' : 'alert'}
    >
      <div className="usa-alert__body">{children}</div>
    </div>
  );
}

/** What went wrong with an API call, in a sentence (never a stack trace). */
export function ApiErrorAlert({ error }: { error: CombinedError }) {
  return (
    <Alert kind="error">
      <p className="usa-alert__text">{humanMessage(error)}</p>
    </Alert>
  );
}
