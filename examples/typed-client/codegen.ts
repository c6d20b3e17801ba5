import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for the operations in this folder, generated from the hub's checked-in schema (no running hub needed).
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['examples/typed-client/*.ts'],
  ignoreNoDocuments: false,
  generates: {
    'examples/typed-client/gql/': {
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
