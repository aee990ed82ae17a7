// `npm start`: builds the web app when it is missing or stale, then serves it with the API on the embedded
// database (./data/nianbao, or NIANBAO_DB), the bundled sample reports imported (once), and prints the URL.
// Arguments after `npm start --` go to `nianbao serve` (e.g. `npm start -- --port 9000`).
import { main } from '../src/cli/main.ts';
import { ensureWebBuild } from './web-build.ts';

try {
  console.error(`nianbao: ${await ensureWebBuild()}`);
} catch (e) {
  console.error(`nianbao: the web app could not be built: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
process.exitCode = await main(['serve', '--samples', ...process.argv.slice(2)]);
