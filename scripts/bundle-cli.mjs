// Bundles the command line into dist/cli/: the entry `leverage.js` (package.json's bin), one
// chunk per command (loaded only when that command runs), the batch worker, equilibria's
// solver thread, and the index of the commands that the top-level help is printed from
// (commands.json). Loading the CLI's
// ~150 modules one by one took most of `leverage --help`'s 0.4 s of CPU; a few bundled files
// load in a fraction of it. The heavy parts stay out and load only when used: vega (html
// reports, imported on demand), ink and React (the terminal game, bundled on its own by
// bundle-tui.mjs), ws (host and join).
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry a hash: clear out the last build's, or they would pile up in the package.
rmSync('dist/cli', { recursive: true, force: true });

await build({
  entryPoints: { leverage: 'dist/src/cli/main.js', 'batch-worker': 'dist/src/engine/batch/batch-worker.js', 'solve-worker': 'dist/src/analysis/games/solve-worker.js' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  chunkNames: '[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['vega', 'vega-lite', 'ink', 'react', 'ws'],
  // Some dependencies are CommonJS and call require().
  banner: { js: "import { createRequire as __leverageRequire } from 'node:module'; const require = __leverageRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The index of the commands for the top-level help, from the commands themselves.
const { commandIndex, newProgram, registerCommands } = await import('../dist/src/cli/program.js');
const program = newProgram();
await registerCommands(program);
writeFileSync('dist/cli/commands.json', JSON.stringify(commandIndex(program), null, 1) + '\n');

// The unbundled entry was the bin before this bundle: npx caches a checkout's bin link by
// path, so an older link may still point there. Keep it executable so it still starts.
chmodSync('dist/src/cli/main.js', 0o755);
