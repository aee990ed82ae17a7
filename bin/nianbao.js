#!/usr/bin/env node
// The nianbao command: runs the TypeScript sources through tsx, so a fresh clone works after `npm install`.
import { register } from 'tsx/esm/api';

register();
// A closed pipe (`nianbao extract … | head`) ends the output quietly, as other Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
