import { ReactNode } from 'react';

/** A DOM id for an API field path, e.g. form14566.affectedReturns[0].mft → f-form14566-affectedReturns-0-mft. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^\w]+/g, '-').replace(/-$/, '')}`;
}

/**
 * A labelled USWDS form group. Its error (from the API's fieldErrors) sits right under the label and is tied to the
 * control with aria-describedby, so a screen reader reads it with the field.
 */
export function Field(props: { path: string; label: string; hint?: string; error?: string; children: (control: ControlProps) => ReactNode }) {
  const id = fieldId(props.path);
  const described = [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`usa-form-group${props.error ? ' usa-form-group--error' : ''}`}>
      <label className={`usa-label${props.error ? ' usa-label--error' : ''}`} htmlFor={id}>
        {props.label}
      </label>
      {props.hint && (
        <span className="usa-hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span className="usa-error-message" id={`${id}-error`}>
          {props.error}
        </span>
      )}
      {props.children({ id, 'aria-describedby': described, 'aria-invalid': props.error ? true : undefined })}
    </div>
  );
}

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** After a failed submit: focus the first field (in page order) that has an error. */
export function focusFirstError(form: HTMLElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/**
 * The list of problems at the top of a form, announced by screen readers when it appears (role=alert); each item
 * links to its field.
 */
export function ErrorSummary({ problems }: { problems: { path: string; label: string; message: string }[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="usa-alert usa-alert--error" role="alert">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">{problems.length === 1 ? 'One thing to fix' : `${problems.length} things to fix`}</h2>
        <ul className="usa-list">
          {problems.map((p) => (
            <li key={p.path}>
              <a href={`#${fieldId(p.path)}`}>
                {p.label}: {p.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
