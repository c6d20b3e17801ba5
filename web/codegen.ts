import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the hub's schema: a schema change that breaks a console query fails `npm run console:check`.
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: {
          DateTime: 'string',
          JSONObject: 'Record<string, unknown>',
          UUID: 'string',
          LocalDate: 'string',
          TimeZone: 'string',
        },
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
      },
    },
  },
};

export default config;
