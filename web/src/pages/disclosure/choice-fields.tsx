import { ReactNode, useContext } from 'react';
import { FieldErrorsContext, fieldId } from '../../field';

/** What each choice of a group carries: its id, and the group's hint and error tied to it. */
interface ChoiceControl {
  id(index: number, value: string): string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/**
 * A USWDS fieldset of choices, its API error (for the path or its list items) under the legend; each choice is
 * marked invalid with it, so focus can move to the first one after a failed submit.
 */
function ChoiceGroup(props: { path: string; legend: string; hint?: string; children(control: ChoiceControl): ReactNode }) {
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
      {props.children({
        id: (index, value) => (index === 0 ? id : `${id}-${value}`),
        'aria-describedby': described,
        'aria-invalid': error ? true : undefined,
      })}
    </fieldset>
  );
}

/** One choice of a group: a radio or a checkbox, the label after it. */
function Choice(props: {
  kind: 'radio' | 'checkbox';
  id: string;
  name?: string;
  label: string;
  checked: boolean;
  control: ChoiceControl;
  onChange(checked: boolean): void;
}) {
  return (
    <div className={`usa-${props.kind}`}>
      <input
        className={`usa-${props.kind}__input`}
        type={props.kind}
        id={props.id}
        name={props.name}
        checked={props.checked}
        aria-invalid={props.control['aria-invalid']}
        aria-describedby={props.control['aria-describedby']}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label className={`usa-${props.kind}__label`} htmlFor={props.id}>
        {props.label}
      </label>
    </div>
  );
}

/** One value out of a few, as radios. */
export function RadioField<T extends string>(props: {
  path: string;
  legend: string;
  value: T | '';
  options: [T, string][];
  onChange(value: T): void;
}) {
  return (
    <ChoiceGroup path={props.path} legend={props.legend}>
      {(control) =>
        props.options.map(([value, label], index) => (
          <Choice
            key={value}
            kind="radio"
            id={control.id(index, value)}
            name={fieldId(props.path)}
            label={label}
            checked={props.value === value}
            control={control}
            onChange={() => props.onChange(value)}
          />
        ))
      }
    </ChoiceGroup>
  );
}

/** Several values, as checkboxes. */
export function CheckboxGroupField<T extends string>(props: {
  path: string;
  legend: string;
  hint?: string;
  values: readonly T[];
  options: [T, string][];
  onChange(values: T[]): void;
}) {
  return (
    <ChoiceGroup path={props.path} legend={props.legend} hint={props.hint}>
      {(control) =>
        props.options.map(([value, label], index) => (
          <Choice
            key={value}
            kind="checkbox"
            id={control.id(index, value)}
            label={label}
            checked={props.values.includes(value)}
            control={control}
            onChange={(checked) => props.onChange(checked ? [...props.values, value] : props.values.filter((v) => v !== value))}
          />
        ))
      }
    </ChoiceGroup>
  );
}
