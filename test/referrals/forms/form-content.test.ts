import 'reflect-metadata';
import { type GraphQLSchema, graphql, isObjectType } from 'graphql';
import { Arg, Query, Resolver, buildSchema } from 'type-graphql';
import {
  ReferralContent,
  ReferralContentInput,
  type ReferralContentView,
  ReferralForm,
  toContentView,
  validateReferralContent,
} from '../../../src/modules/referrals/forms/form-content';
import { NOW, TPP_CATEGORY, fieldErrorsOf, valid14566, valid3210, valid4442 } from './fixtures';

const ctx = { now: NOW, category4442: TPP_CATEGORY };

describe('validateReferralContent: sub-inputs', () => {
  it.each([
    [ReferralForm.F14566, 'form14566'],
    [ReferralForm.F4442, 'form4442'],
    [ReferralForm.F3210, 'form3210'],
  ])('requires the sub-input of %s', (form, key) => {
    expect(fieldErrorsOf(() => validateReferralContent(form, {}, ctx))).toEqual([{ field: key, message: `is required for form ${form}` }]);
  });

  it('rejects a sub-input for another form, with the problems of the right one', () => {
    const input = { form14566: valid14566(), form4442: { ...valid4442(), remarks: '' } };
    expect(fieldErrorsOf(() => validateReferralContent(ReferralForm.F4442, input, ctx))).toEqual([
      { field: 'form14566', message: 'must not be given for form F4442' },
      { field: 'form4442.remarks', message: 'is required' },
    ]);
  });

  it('rejects only the wrong sub-input when the right one is missing', () => {
    expect(fieldErrorsOf(() => validateReferralContent(ReferralForm.F3210, { form4442: valid4442() }, ctx))).toEqual([
      { field: 'form4442', message: 'must not be given for form F3210' },
      { field: 'form3210', message: 'is required for form F3210' },
    ]);
  });
});

const stored = {
  [ReferralForm.F14566]: () => validateReferralContent(ReferralForm.F14566, { form14566: valid14566() }, ctx).content,
  [ReferralForm.F4442]: () => validateReferralContent(ReferralForm.F4442, { form4442: valid4442() }, ctx).content,
  [ReferralForm.F3210]: () => validateReferralContent(ReferralForm.F3210, { form3210: valid3210() }, ctx).content,
};

/** The view holds neither the TIN nor more than its last four digits. */
function expectNoFullTin(view: ReferralContentView, tin: string): void {
  const json = JSON.stringify(view);
  expect(json).not.toContain(tin);
  expect(json).not.toContain(tin.slice(-5));
}

describe('toContentView', () => {
  it('masks the EIN and SSN of a Form 14566', () => {
    const view = toContentView(stored.F14566());
    expect(view).toMatchObject({
      form: ReferralForm.F14566,
      business: { name: 'Acme Widgets LLC', einMasked: '**-***6789' },
      taxpayer: { name: 'Jane Q. Owner', ssnMasked: '***-**-6789' },
    });
    expect(view).not.toHaveProperty('business.ein');
    expect(view).not.toHaveProperty('taxpayer.ssn');
    expectNoFullTin(view, '123456789');
  });

  it.each([ReferralForm.F4442, ReferralForm.F3210])('masks the TIN of a Form %s', (form) => {
    const content = stored[form]();
    const view = toContentView(content);
    expect(view).toMatchObject({ form, tinMasked: form === ReferralForm.F4442 ? '***-**-6789' : '***-**-1234' });
    expect(view).not.toHaveProperty('tin');
    expectNoFullTin(view, 'tin' in content ? content.tin : '');
  });
});

@Resolver()
class PreviewResolver {
  @Query(() => ReferralContent)
  preview(
    @Arg('form', () => ReferralForm) form: ReferralForm,
    @Arg('content', () => ReferralContentInput) content: ReferralContentInput,
  ): ReferralContentView {
    return toContentView(validateReferralContent(form, content, ctx).content);
  }
}

describe('GraphQL types', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [PreviewResolver], validate: false });
  });

  it('exposes no full-TIN field on any content type', () => {
    const exposed = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && /^(Form\d+|PostalAddress)/.test(type.name))
      .flatMap((type) => (isObjectType(type) ? Object.keys(type.getFields()) : []));
    expect(exposed).toEqual(expect.arrayContaining(['tinMasked', 'einMasked', 'ssnMasked']));
    expect(exposed.filter((name) => /^(tin|ein|ssn)$/i.test(name))).toEqual([]);
  });

  it('resolves the ReferralContent union by form', async () => {
    const result = await graphql({
      schema,
      source: `query ($form: ReferralForm!, $content: ReferralContentInput!) {
        preview(form: $form, content: $content) {
          __typename
          ... on Form14566Content { form purpose business { einMasked address { state zip } } taxpayer { ssnMasked } }
          ... on Form4442Content { form tinMasked dln }
          ... on Form3210Content { form tinMasked attachments { title pageCount } }
        }
      }`,
      variableValues: { form: 'F4442', content: { form4442: valid4442() } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      preview: { __typename: 'Form4442Content', form: 'F4442', tinMasked: '***-**-6789', dln: '29211123456785' },
    });

    const bmf = await graphql({
      schema,
      source: `query ($content: ReferralContentInput!) {
        preview(form: F14566, content: $content) {
          __typename
          ... on Form14566Content { purpose business { einMasked address { state zip } } taxpayer { ssnMasked } }
        }
      }`,
      variableValues: { content: { form14566: valid14566() } },
    });
    expect(bmf.errors).toBeUndefined();
    expect(bmf.data).toEqual({
      preview: {
        __typename: 'Form14566Content',
        purpose: 'EF_SCHEME_CHECK',
        business: { einMasked: '**-***6789', address: { state: 'DC', zip: '200011234' } },
        taxpayer: { ssnMasked: '***-**-6789' },
      },
    });
  });

  it('describes each form in the ReferralForm enum', () => {
    const values = schema.getType('ReferralForm')?.toConfig() as { values: Record<string, { description?: string }> };
    expect(values.values.F14566.description).toMatch(/BMF Identity Theft Referral.*BMF ID Theft Action Request/);
    expect(values.values.F4442.description).toMatch(/Inquiry Referral/);
    expect(values.values.F3210.description).toMatch(/Document Transmittal/);
  });
});
