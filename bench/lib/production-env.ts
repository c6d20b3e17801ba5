// Imported first by bench/run.ts: graphql-js and Apollo read NODE_ENV when they load; the benchmark
// measures the hub as it would be deployed.
process.env.NODE_ENV ??= 'production';
export {};
