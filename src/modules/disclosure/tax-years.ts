import { LIST_MAX, Problems } from '../../platform/validation/checked';

/** Tax years as the disclosure rules compare them: four digits each, at most LIST_MAX, distinct and sorted. */
export function checkTaxYears(years: readonly number[], field: string, problems: Problems, required: boolean): number[] {
  if ((required && years.length === 0) || years.length > LIST_MAX) problems.add(field, `name the tax years (1 to ${LIST_MAX})`);
  if (years.some((year) => !Number.isInteger(year) || year < 1900 || year > 2999)) problems.add(field, 'must be four-digit years');
  return [...new Set(years)].sort();
}
