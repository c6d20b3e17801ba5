import { FormEvent, ReactNode, useRef, useState } from 'react';
import type { CombinedError } from 'urql';
import { Alert } from './alert';
import { errorCode, fieldErrorsOf, humanMessage } from './api-errors';
import { useDraft } from './drafts';
import { ErrorSummary, FieldErrorsContext, TextField, useFocusFirstError } from './field';

/** What the person typed for the action they opened (field name → text); kept as a draft until it is sent. */
export type ActionDraft = Record<string, string>;

export interface ActionSpec {
  label: string;
  /** The fields the action needs besides the note, bound to the draft. */
  fields?: (draft: ActionDraft, update: (change: ActionDraft) => void) => ReactNode;
  /** The note is required for this action (a reason), and labelled so. */
  noteLabel?: string;
  /** The note's input field in the API (`note`, `reason`). */
  noteField?: string;
  /** The action takes no note at all (the API has no field for one). */
  noNote?: boolean;
  /** Labels of this action's fields in the error summary, where they differ from the panel's. */
  labels?: Record<string, string>;
  send(draft: ActionDraft, note: string | undefined): Promise<{ error?: CombinedError }>;
}

/**
 * The actions the API offers on an item (its `availableActions`, nothing else) as buttons; the one picked opens
 * its form. Errors: each field error beside its field and in a summary; a stale version says so and offers a reload,
 * keeping what was typed.
 */
export function ActionPanel<A extends string>(props: {
  /** e.g. `investigation.<id>`: where the draft is kept. */
  draftKey: string;
  /** What the item is called in messages, e.g. "OI". */
  subject: string;
  offered: readonly A[];
  specs: Partial<Record<A, ActionSpec>>;
  fieldLabels?: Record<string, string>;
  onReload(): void;
}) {
  const { specs, offered, subject } = props;
  const [draft, setDraft, discardDraft] = useDraft<{ action: A | null; values: ActionDraft }>(props.draftKey, { action: null, values: {} });
  const [error, setError] = useState<CombinedError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, error);
  const buttons = offered.filter((a) => specs[a]);
  const spec = draft.action ? specs[draft.action] : undefined;
  const update = (change: ActionDraft) => setDraft({ ...draft, values: { ...draft.values, ...change } });
  const noteField = spec?.noteField ?? 'note';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!spec || !draft.action) return;
    setSending(true);
    const result = await spec.send(draft.values, draft.values.note?.trim() || undefined);
    setSending(false);
    if (result.error) {
      setError(result.error);
      return;
    }
    setError(null);
    setDone(`${spec.label}: done.`);
    discardDraft();
    props.onReload();
  }

  const fieldErrors = fieldErrorsOf(error ?? undefined).map((e) => (e.field === noteField ? { ...e, field: 'note' } : e));
  const labels: Record<string, string> = { note: spec?.noteLabel ?? 'Note', ...props.fieldLabels, ...spec?.labels };
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      {done && (
        <Alert kind="success" slim>
          <p className="usa-alert__text">{done}</p>
        </Alert>
      )}
      {buttons.length === 0 && !draft.action && <p>There is nothing for you to do on this {subject} now.</p>}
      <ul className="usa-button-group">
        {buttons.map((action) => (
          <li key={action} className="usa-button-group__item">
            <button
              type="button"
              className={`usa-button${draft.action === action ? '' : ' usa-button--outline'}`}
              aria-pressed={draft.action === action}
              onClick={() => (setDraft({ ...draft, action }), setError(null), setDone(null))}
            >
              {specs[action]!.label}
            </button>
          </li>
        ))}
      </ul>
      {draft.action && spec && (
        <FieldErrorsContext.Provider value={fieldErrors}>
          <form ref={form} className="usa-form usa-form--large" onSubmit={submit} aria-label={spec.label}>
            {errorCode(error ?? undefined) === 'CONFLICT' ? (
              <Alert kind="warning">
                <p className="usa-alert__text">
                  Someone else changed this {subject} — reload it to see the change. Nothing you typed is lost.
                </p>
                <button
                  type="button"
                  className="usa-button usa-button--secondary margin-top-1"
                  onClick={() => (setError(null), props.onReload())}
                >
                  Reload the {subject}
                </button>
              </Alert>
            ) : (
              error && (
                <ErrorSummary
                  problems={
                    fieldErrors.length
                      ? fieldErrors.map((e) => ({
                          path: e.field,
                          label: labels[e.field.replace(/\[.*$/, '')] ?? e.field,
                          message: e.message,
                        }))
                      : [{ path: 'action', label: 'Not done', message: humanMessage(error) }]
                  }
                />
              )
            )}
            {!offered.includes(draft.action) && <p>This action is no longer offered to you on this {subject}.</p>}
            {spec.fields?.(draft.values, update)}
            {!spec.noNote && (
              <TextField
                path="note"
                label={spec.noteLabel ?? 'Note (optional)'}
                multiline
                value={draft.values.note ?? ''}
                onChange={(note) => update({ note })}
              />
            )}
            <button className="usa-button margin-top-2" type="submit" disabled={sending}>
              {spec.label}
            </button>
            <button
              type="button"
              className="usa-button usa-button--unstyled margin-left-2"
              onClick={() => (discardDraft(), setError(null))}
            >
              Cancel
            </button>
          </form>
        </FieldErrorsContext.Provider>
      )}
    </section>
  );
}
