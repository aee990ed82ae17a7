// The compiled JavaScript of src/ in dist/ (`npm run build`; `npm install` runs it as `prepare`), and the check the
// command (bin/nianbao.js) and the worker threads (src/cli/worker.mjs, src/isolate/worker.mjs) make at every start:
// dist/ is run only when it was built from the sources as they are now, else the sources are run through tsx — never
// stale code.
//
// Plain JavaScript with Node's own modules only, so that the check costs no TypeScript transform (esbuild is loaded
// only to build). The build: every module of src/ but the tests, one output file each at the same place under dist/
// (dist/cli/main.js for src/cli/main.ts), so that paths found from `import.meta.url` (`../../package.json`,
// `../../docs/rules/`) lead to the same files; `./x.ts` imports become `./x.js`; the other files of src/ (the
// PGlite template) are copied. dist/.build.json records each input's size, mtime and SHA-256.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';

/** The project root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The build record's name inside the output folder. */
export const STAMP = '.build.json';

/** Files outside src/ that shape the output: the compiler settings esbuild reads, and this recipe. */
const RECIPE = ['tsconfig.json', 'scripts/build-dist.mjs'];

/** The record's layout version: a record of another version is stale. */
const VERSION = 1;

const slash = (p) => p.split(sep).join('/');

/** The inputs of a build under `root`, relative and sorted: every file of src/ but the tests, and the recipe. */
export function inputs(root = ROOT) {
  const src = join(root, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.endsWith('.test.ts'))
    .map((d) => slash(relative(root, join(d.parentPath ?? d.path, d.name))));
  return [...files, ...RECIPE.filter((f) => existsSync(join(root, f)))].sort();
}

/** A file's SHA-256; node:crypto is loaded only when a file is hashed, not at every start of the command. */
function sha256(file) {
  const { createHash } = createRequire(import.meta.url)('node:crypto');
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Why the build in `out` is not that of the sources under `root` now, or null when it is. Cheap when nothing
 * changed: one directory walk and one stat per input. A file whose size or mtime differs from the record (a git
 * checkout rewrites mtimes) is hashed and compared by content.
 */
export function staleReason(root = ROOT, out = join(root, 'dist')) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(out, STAMP), 'utf8'));
  } catch {
    return existsSync(out) ? `${slash(relative(root, out))}/ has no build record` : 'no build';
  }
  if (stamp?.version !== VERSION || typeof stamp.files !== 'object')
    return 'the build record is of another version';
  try {
    const now = inputs(root);
    const recorded = Object.keys(stamp.files);
    if (now.length !== recorded.length || now.some((f) => !(f in stamp.files))) {
      const added = now.find((f) => !(f in stamp.files));
      return added ? `${added} is new` : `${recorded.find((f) => !now.includes(f))} was removed`;
    }
    for (const f of now) {
      const [size, mtimeMs, hash] = stamp.files[f];
      const st = statSync(join(root, f));
      if (st.size === size && st.mtimeMs === mtimeMs) continue;
      if (st.size !== size || sha256(join(root, f)) !== hash) return `${f} changed`;
    }
  } catch (e) {
    // An unreadable source: the sources are run, and say so themselves.
    return `the sources could not be compared (${e instanceof Error ? e.message : String(e)})`;
  }
  return null;
}

/**
 * What the command and the workers run: the compiled module under dist/ when it is current, else the source through
 * tsx. NIANBAO_FROM=src forces the sources; NIANBAO_FROM=dist forces dist/ and is refused when it is stale.
 * `module` is a path under src/ without extension ('cli/main').
 */
export function entry(module, root = ROOT, env = process.env) {
  const from = env.NIANBAO_FROM;
  const compiled = join(root, 'dist', `${module}.js`);
  const reason =
    from === 'src'
      ? 'NIANBAO_FROM=src'
      : (staleReason(root) ?? (existsSync(compiled) ? null : `dist/${module}.js is missing`));
  if (from === 'dist' && reason !== null)
    throw new Error(`NIANBAO_FROM=dist, but dist/ is stale (${reason}): run npm run build`);
  return reason === null
    ? { from: 'dist', url: pathToFileURL(compiled).href, reason }
    : { from: 'src', url: pathToFileURL(join(root, 'src', `${module}.ts`)).href, reason };
}

/**
 * The worker threads' entries of the sources (each picks dist/ or src/ through `entry`), and the task module beside
 * each that the build's own entry runs: the CLI's batch worker and src/isolate's (the server's and the queue's).
 */
const WORKERS = { 'src/cli/worker.mjs': 'worker-task', 'src/isolate/worker.mjs': 'task' };

/** esbuild, found through tsx (a dependency that brings it), so that it need not be a dependency of its own. */
async function esbuild() {
  const require = createRequire(import.meta.url);
  let path;
  try {
    path = createRequire(require.resolve('tsx')).resolve('esbuild');
  } catch {
    path = require.resolve('esbuild');
  }
  return import(pathToFileURL(path).href);
}

/**
 * Builds src/ under `root` into `out` (dist/ by default), from scratch, and writes the build record. The record
 * holds what the inputs were before compiling, so a file edited during the build makes the build stale.
 * Returns the number of modules and the time taken.
 */
export async function buildDist(root = ROOT, out = join(root, 'dist')) {
  const started = performance.now();
  const files = {};
  for (const f of inputs(root)) {
    const st = statSync(join(root, f));
    files[f] = [st.size, st.mtimeMs, sha256(join(root, f))];
  }
  const src = join(root, 'src');
  const modules = Object.keys(files).filter((f) => f.startsWith('src/') && f.endsWith('.ts'));
  const assets = Object.keys(files).filter((f) => f.startsWith('src/') && !f.endsWith('.ts'));
  rmSync(out, { recursive: true, force: true });
  const { build } = await esbuild();
  await build({
    absWorkingDir: root,
    entryPoints: modules.map((f) => join(root, f)),
    outdir: out,
    outbase: src,
    // One output per module: every relative import stays an import (its extension made .js), packages stay
    // imports of node_modules, so nothing is bundled and each file keeps its place.
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    charset: 'utf8',
    logLevel: 'warning',
    plugins: [
      {
        name: 'relative-imports',
        setup(b) {
          b.onResolve({ filter: /^\.\.?\// }, (a) =>
            a.kind === 'entry-point' ? undefined : { path: a.path.replace(/\.ts$/, '.js'), external: true },
          );
        },
      },
    ],
  });
  for (const f of assets) {
    const to = join(out, relative('src', f));
    mkdirSync(dirname(to), { recursive: true });
    if (f in WORKERS)
      // The compiled worker needs no choice: it is the compiled task.
      writeFileSync(
        to,
        `// A worker thread of the build: its task, compiled.\nexport { runTask as default } from './${WORKERS[f]}.js';\n`,
      );
    else cpSync(join(root, f), to);
  }
  writeFileSync(join(out, STAMP), `${JSON.stringify({ version: VERSION, files })}\n`);
  return { modules: modules.length, ms: performance.now() - started };
}

/** Builds dist/ when it is stale (or always with `force`); returns what was done, for a message. */
export async function ensureDist(options = {}) {
  const root = options.root ?? ROOT;
  const reason = options.force ? 'asked' : staleReason(root);
  if (reason === null) return 'dist/ up to date';
  const { modules, ms } = await buildDist(root);
  return `dist/ built (${reason}): ${modules} modules in ${(ms / 1000).toFixed(1)} s`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.error(`nianbao: ${await ensureDist({ force: process.argv.includes('--force') })}`);
  } catch (e) {
    console.error(`nianbao: dist/ could not be built: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
