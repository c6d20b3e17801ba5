import { useContext } from 'react';
import { FieldErrorsContext, fieldId } from '../../field';

/**
 * A USWDS radio group in a fieldset, its API error under the legend; each radio is marked invalid with it, so focus
 * can move to the first one after a failed submit.
 */
export function RadioField<T extends string>(props: {
  path: string;
  legend: string;
  value: T | '';
  options: [T, string][];
  onChange(value: T): void;
}) {
  const error = useContext(FieldErrorsContext)
    .filter((e) => e.field === props.path)
    .map((e) => e.message)
    .join('; ');
  const id = fieldId(props.path);
  return (
    <fieldset className={`usa-fieldset usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <legend className={`usa-legend${error ? ' usa-label--error' : ''}`}>{props.legend}</legend>
      {error && (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      )}
      {props.options.map(([value, label], index) => (
        <div key={value} className="usa-radio">
          <input
            className="usa-radio__input"
            type="radio"
            id={index === 0 ? id : `${id}-${value}`}
            name={id}
            value={value}
            checked={props.value === value}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={() => props.onChange(value)}
          />
          <label className="usa-radio__label" htmlFor={index === 0 ? id : `${id}-${value}`}>
            {label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** A group of USWDS checkboxes choosing several values, its API error under the legend. */
export function CheckboxGroupField<T extends string>(props: {
  path: string;
  legend: string;
  hint?: string;
  values: readonly T[];
  options: [T, string][];
  onChange(values: T[]): void;
}) {
  const error = useContext(FieldErrorsContext)
    .filter((e) => e.field === props.path || e.field.startsWith(`${props.path}[`))
    .map((e) => e.message)
    .join('; ');
  const id = fieldId(props.path);
  const described = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`usa-fieldset usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <legend className={`usa-legend${error ? ' usa-label--error' : ''}`}>{props.legend}</legend>
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
      {props.options.map(([value, label], index) => (
        <div key={value} className="usa-checkbox">
          <input
            className="usa-checkbox__input"
            type="checkbox"
            id={index === 0 ? id : `${id}-${value}`}
            checked={props.values.includes(value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={described}
            onChange={(e) => props.onChange(e.target.checked ? [...props.values, value] : props.values.filter((v) => v !== value))}
          />
          <label className="usa-checkbox__label" htmlFor={index === 0 ? id : `${id}-${value}`}>
            {label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
