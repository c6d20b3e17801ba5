import type { ReferralContentInput, ReferralForm } from '../../gql/graphql';

export interface FilingFunction {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export interface FilingRoute {
  form: ReferralForm;
  purpose?: string | null;
  receivingFunctionCodes: string[];
}

/**
 * The functions a referral may be filed to, as the API checks them (README "Routes: who may receive what"): those
 * the route of the form (and 14566 purpose) names, else any other active function (IRM 10.5.3.3.7.1), never the
 * filer's own.
 */
export function receiversOf(
  functions: FilingFunction[],
  routes: FilingRoute[],
  form: ReferralForm,
  content: ReferralContentInput,
  ownFunctionId: string,
): FilingFunction[] {
  const purpose = content.form14566?.purpose ?? null;
  const ofForm = routes.filter((route) => route.form === form);
  const route = ofForm.find((r) => purpose !== null && r.purpose === purpose) ?? ofForm.find((r) => !r.purpose);
  return functions.filter((fn) => fn.active && fn.id !== ownFunctionId && (!route || route.receivingFunctionCodes.includes(fn.code)));
}
