// Bundles every step CLI into dist/steps/<step>.mjs: starting a bundle takes about 0.15 s, where
// compiling the TypeScript sources with tsx on every start takes about 0.6 s.
// Plain JavaScript on purpose: this script must start fast too.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

const STEPS = ['step-config', 'ingest', 'prepare', 'train'];
const OUT_DIR = 'dist/steps';

await rm(OUT_DIR, { recursive: true, force: true });
await build({
  entryPoints: Object.fromEntries(STEPS.map((step) => [step, `apps/${step}/src/cli.ts`])),
  outdir: OUT_DIR,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // A native addon, and the plot's DOM library that train loads only when it draws.
  external: ['@resvg/resvg-js', 'd3-node'],
  // Bundled CommonJS packages call require(); ES modules have none, so give them one.
  banner: {
    js:
      "import { createRequire as bundleRequire } from 'node:module';\n" +
      'const require = bundleRequire(import.meta.url);',
  },
  logLevel: 'warning',
});
