#!/usr/bin/env node
// The nianbao command: runs the compiled code of dist/ when it was built from the sources as they are (`npm install`
// builds it), else the TypeScript sources through tsx — an edit of src/ is always what runs (scripts/build-dist.mjs).
import { entry } from '../scripts/build-dist.mjs';

let target;
try {
  target = entry('cli/main');
} catch (e) {
  process.stderr.write(`nianbao: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
if (target.from === 'src') (await import('tsx/esm/api')).register();
// A closed pipe (`nianbao extract … | head`) ends the output quietly, as other Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import(target.url);
process.exitCode = await main(process.argv.slice(2));
