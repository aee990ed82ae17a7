// Every fixture and sample read and extracted, one line per file with the hash of its extraction: run before and
// after a refactoring and diff the two outputs (extraction must stay byte-identical).
// Usage: npm run -s snapshot:extract -- [DIR…] > snapshot.txt (default: examples and test/fixtures)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extract } from '../src/extract/index.ts';
import { read } from '../src/read/index.ts';

const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['examples', 'test/fixtures'];
const files: string[] = [];
const walk = (d: string) => {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'expected' && name !== 'node_modules') walk(p);
    } else if (!/\.(md|json|png|ts)$/i.test(name)) files.push(p);
  }
};
dirs.forEach(walk);
for (const f of files) {
  const doc = await read(new Uint8Array(readFileSync(f)), { path: f, ocr: false });
  const out = JSON.stringify(extract(doc));
  console.log(`${createHash('sha256').update(out).digest('hex').slice(0, 16)} ${relative('.', f)}`);
}
