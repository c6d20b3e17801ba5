/**
 * The walls of src/ (ARCHITECTURE.md): platform/ knows no domain, modules/ form a DAG above it
 * (org ← auth ← the rest; referrals and tecs never import each other), app/ alone imports everything.
 * `npm test` runs this before jest, so a broken wall fails CI.
 */
/** Modules a module may import (besides platform/ and itself): the DAG of modules/. */
const MODULES_BELOW = {
  org: [],
  auth: ['org'],
  referrals: ['org', 'auth'],
  tecs: ['org', 'auth'],
  directory: ['org', 'auth'],
  closures: ['org', 'auth'],
  notices: ['org', 'auth'],
  'access-audit': ['org', 'auth'],
  disclosure: ['org', 'auth', 'tecs'],
  'calendar-feed': ['org', 'auth', 'referrals'],
};

module.exports = {
  forbidden: [
    {
      name: 'platform-knows-no-domain',
      comment: 'platform/ is the layer below the domains: it must not import modules/ or app/ (register a seam instead).',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|app)/' },
    },
    {
      name: 'modules-below-app',
      comment: 'Only app/ (the composition root) imports app/.',
      severity: 'error',
      from: { path: '^src/(platform|modules)/' },
      to: { path: '^src/app/' },
    },
    ...Object.entries(MODULES_BELOW).map(([module, below]) => ({
      name: `module-dag-${module}`,
      comment: `modules/${module} may import only ${below.length ? below.map((m) => `modules/${m}`).join(', ') : 'no other module'} (and platform/).`,
      severity: 'error',
      from: { path: `^src/modules/${module}/` },
      to: { path: '^src/modules/', pathNot: [`^src/modules/${module}/`, ...below.map((m) => `^src/modules/${m}/`)] },
    })),
    {
      name: 'known-modules-only',
      comment: 'A new folder under modules/ needs its place in the DAG (MODULES_BELOW in .dependency-cruiser.cjs).',
      severity: 'error',
      from: { path: `^src/modules/(?!(${Object.keys(MODULES_BELOW).join('|')})/)` },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'No import cycle anywhere in src/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'Every file in src/ is imported by something (or is the entry point).',
      severity: 'error',
      from: { orphan: true, path: '^src/', pathNot: ['^src/app/main\\.ts$', '\\.d\\.ts$'] },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
