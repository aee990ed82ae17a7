// Times the library commands end to end through main(): import per sample and of all five, aggregate, compare.
// Usage: node --import tsx scripts/measure-library-cli.ts [--db LOCATION]   (default: a new PGlite directory)
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const samples = readdirSync(join(ROOT, 'examples/reports'))
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => `examples/reports/${n}`);
const given = process.argv.indexOf('--db');
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-measure-'));
const db = given > 0 ? process.argv[given + 1]! : join(tmp, 'db');
const io = { out: async () => {}, err: () => {}, cwd: ROOT };

async function timed(argv: string[]): Promise<number> {
  const t = performance.now();
  const code = await main(argv, io);
  if (code !== 0) throw new Error(`nianbao ${argv.join(' ')}: exit ${code}`);
  return performance.now() - t;
}

const ms = (t: number) => `${t.toFixed(0)} ms`;
// Each command opens the database itself (PGlite: loading the WASM, and creating the directory the first time).
console.log(`open (create + migrate) via 'agencies': ${ms(await timed(['agencies', '--db', db]))}`);
console.log(`open an existing database via 'agencies': ${ms(await timed(['agencies', '--db', db]))}`);
for (const s of samples) console.log(`import ${s}: ${ms(await timed(['import', '--db', db, s]))}`);
rmSync(db, { recursive: true, force: true });
console.log(
  `import of all ${samples.length} samples, one command, new database: ${ms(await timed(['import', '--db', db, ...samples]))}`,
);
console.log(`import of the same again (unchanged): ${ms(await timed(['import', '--db', db, ...samples]))}`);
for (const format of ['json', 'table'])
  console.log(
    `aggregate --year 2019 -f ${format}: ${ms(await timed(['aggregate', '--db', db, '--year', '2019', '-f', format]))}`,
  );
console.log(`compare two files (no database): ${ms(await timed(['compare', samples[0]!, samples[3]!]))}`);
rmSync(tmp, { recursive: true, force: true });
