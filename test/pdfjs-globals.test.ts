// pdf.js's legacy build brings core-js, which replaces Array.prototype.push with a JavaScript version for the whole
// process; src/read/pdf/load.ts gives the native one back (a quarter of a PDF's reading time was that push). Run in a
// process of its own, as the command runs: the push is the process's own, from its start.
import { expect, it } from 'vitest';
import { runNode } from './support/cli.ts';

// core-js makes its functions' toString say "[native code]": the push is compared with the one the process began with.
const SCRIPT = `
const native = Array.prototype.push;
const { readFileSync } = await import('node:fs');
const { read } = await import('./src/read/index.ts');
const doc = await read(new Uint8Array(readFileSync('test/fixtures/pdf/sample-000.pdf')), { path: 'sample-000.pdf', ocr: false });
const xs = [];
xs.push(1, 2);
const like = { length: 1 };
Array.prototype.push.call(like, 7);
console.log(JSON.stringify({ blocks: doc.blocks.length, native: Array.prototype.push === native, xs, like: like.length }));
`;

it('reading a PDF leaves Array.prototype.push native', async () => {
  const { code, stdout, stderr } = await runNode(['--import', 'tsx', '--input-type=module', '-e', SCRIPT]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const out = JSON.parse(stdout) as { blocks: number; native: boolean; xs: number[]; like: number };
  expect(out.blocks).toBeGreaterThan(0);
  expect(out.native).toBe(true);
  expect([out.xs, out.like]).toEqual([[1, 2], 2]);
});
