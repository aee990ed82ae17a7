// Makes the template of a new embedded database: the data directory PGlite's initdb writes, dumped as a gzipped tar,
// for the PGlite version installed. openStore loads it into a new directory instead of running initdb, which took
// most of a first `nianbao import` (5.8 s and 940 MB of the 10.9 s and 890 MB measured). A PGlite of another
// version finds no template of its own and runs initdb as before.
//   node --import tsx scripts/make-pglite-template.ts
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { TEMPLATE_DIR, templateName } from '../src/store/template.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-pglite-'));
const db = await PGlite.create(join(dir, 'db'));
const dump = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
await db.close();
rmSync(dir, { recursive: true, force: true });
for (const old of readdirSync(TEMPLATE_DIR)) if (old.endsWith('.tar.gz')) rmSync(join(TEMPLATE_DIR, old));
const file = join(TEMPLATE_DIR, templateName());
writeFileSync(file, dump);
console.log(`${file}: ${dump.length} bytes`);
