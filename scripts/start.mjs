// `npm start`: builds the web app when it is missing or stale, then serves it with the API on the embedded
// database (./data/nianbao, or NIANBAO_DB), the bundled sample reports imported (once), and prints the URL.
// Arguments after `npm start --` go to `nianbao serve` (e.g. `npm start -- --port 9000`).
// The server is the compiled code of dist/ when it is current (scripts/build-dist.mjs), else the sources through tsx;
// only the web build script goes through tsx then (a scoped registration; docs/benchmarks.md has the figures).
import { register } from 'tsx/esm/api';
import { entry } from './build-dist.mjs';

const target = entry('cli/main');
if (target.from === 'src') register();
const scoped = register({ namespace: 'nianbao-start' });
try {
  const { ensureWebBuild } = await scoped.import('./web-build.ts', import.meta.url);
  console.error(`nianbao: ${await ensureWebBuild()}`);
} catch (e) {
  console.error(`nianbao: the web app could not be built: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
const { main } = await import(target.url);
process.exitCode = await main(['serve', '--samples', ...process.argv.slice(2)]);
