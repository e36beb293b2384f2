// Bundles the terminal game (ink, React and our UI) into one file, dist/tui/run.js.
// Loading ink's ~200 modules one by one took ~0.4 s of start-up; one file takes ~0.1 s.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/src/ui/run.js'],
  outfile: 'dist/tui/run.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { 'react-devtools-core': './dist/src/ui/no-devtools.js' },
  // Some of ink's dependencies are CommonJS and call require().
  banner: { js: "import { createRequire as __leverageRequire } from 'node:module'; const require = __leverageRequire(import.meta.url);" },
  logLevel: 'warning',
});
