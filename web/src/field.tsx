import { createContext, ReactNode, RefObject, useContext, useEffect } from 'react';
import type { FieldError } from './api-errors';

/** A DOM id for an API field path, e.g. form14566.affectedReturns[0].mft → f-form14566-affectedReturns-0-mft. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^\w]+/g, '-').replace(/-$/, '')}`;
}

/** The API's fieldErrors of the last submit; each Field shows its own. */
export const FieldErrorsContext = createContext<FieldError[]>([]);

/** The messages for a field: its own, and those of its list items (`path[0]`) that have no field of their own. */
function messagesFor(errors: FieldError[], path: string): string | undefined {
  const item = new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}\\[\\d+\\]$`);
  const messages = errors.filter((e) => e.field === path || item.test(e.field)).map((e) => e.message);
  return messages.length ? messages.join('; ') : undefined;
}

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/**
 * A labelled USWDS form group. Its error (from the API's fieldErrors) sits right under the label and is tied to the
 * control with aria-describedby, so a screen reader reads it with the field.
 */
export function Field(props: { path: string; label: string; hint?: string; children: (control: ControlProps) => ReactNode }) {
  const error = messagesFor(useContext(FieldErrorsContext), props.path);
  const id = fieldId(props.path);
  const described = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={id}>
        {props.label}
      </label>
      {props.hint && (
        <span className="usa-hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {error && (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      )}
      {props.children({ id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}

/** A text input (or, `multiline`, a textarea) in a Field. */
export function TextField(props: {
  path: string;
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  type?: string;
}) {
  return (
    <Field path={props.path} label={props.label} hint={props.hint}>
      {(control) =>
        props.multiline ? (
          <textarea className="usa-textarea" {...control} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
        ) : (
          <input
            className="usa-input"
            type={props.type ?? 'text'}
            {...control}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

/** A select of [value, text] options in a Field; its first choice is the empty value (`placeholder`), unless false. */
export function SelectField<T extends string>(props: {
  path: string;
  label: string;
  hint?: string;
  value: T | '';
  options: [T, string][];
  onChange(value: T): void;
  placeholder?: string | false;
}) {
  return (
    <Field path={props.path} label={props.label} hint={props.hint}>
      {(control) => (
        <select className="usa-select" {...control} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
          {props.placeholder !== false && <option value="">{props.placeholder ?? '- Select -'}</option>}
          {props.options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** After a failed submit: focus the first field (in page order) that has an error. */
export function focusFirstError(form: HTMLElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** focusFirstError once the failed submit's errors are on the page (after React rendered them, not before). */
export function useFocusFirstError(form: RefObject<HTMLElement | null>, error: unknown): void {
  useEffect(() => {
    if (error) focusFirstError(form.current);
  }, [form, error]);
}

/**
 * The list of problems at the top of a form, announced by screen readers when it appears (role=alert); each item
 * links to its field.
 */
export function ErrorSummary({ problems }: { problems: { path: string; label: string; message: string }[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="usa-alert usa-alert--error margin-y-2" role="alert">
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

/** A USWDS checkbox (the label follows the box), with its API error above it. */
export function CheckboxField(props: { path: string; label: string; checked: boolean; onChange(checked: boolean): void }) {
  const error = messagesFor(useContext(FieldErrorsContext), props.path);
  const id = fieldId(props.path);
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      {error && (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      )}
      <div className="usa-checkbox">
        <input
          className="usa-checkbox__input"
          type="checkbox"
          id={id}
          checked={props.checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        <label className="usa-checkbox__label" htmlFor={id}>
          {props.label}
        </label>
      </div>
    </div>
  );
}
