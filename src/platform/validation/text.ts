import { type Checked, checkOptional, checked } from './checked';

/** Maximum lengths, in characters: names, titles and address lines; narratives (remarks, research, requests). */
export const TEXT_MAX = { short: 200, narrative: 4000 } as const;

// C0 controls except \t and \n, DEL, and C1 controls.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Trims the text and turns Windows line ends into \n. */
function normalize(raw: string): string {
  return raw.replace(/\r\n/g, '\n').trim();
}

/** Checks required free text: non-blank after trimming, at most `max` characters, no control characters but \n and \t. */
export function checkText(raw: string, field: string, max: number): Checked<string> {
  const text = normalize(raw);
  if (text === '') return checked(text, [{ field, message: 'is required' }]);
  if (FORBIDDEN_CONTROL.test(text)) {
    return checked(text, [{ field, message: 'cannot contain control characters other than line feed and tab' }]);
  }
  const length = [...text].length;
  return checked(text, length > max ? [{ field, message: `must be at most ${max} characters` }] : []);
}

/** Like {@link checkText} for optional text; absent or blank text becomes null. */
export function checkOptionalText(raw: string | null | undefined, field: string, max: number): Checked<string | null> {
  return checkOptional(raw, (text) => checkText(text, field, max));
}
