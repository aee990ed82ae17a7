// Builds the web app (web/ → web/dist) with Vite when it is missing or stale: `npm start` and the browser tests
// call it. Stale means a source file the last build bundled (its module graph, from Vite) or the lock file changed;
// the hashes of those files are kept in web/dist/.build.json.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = resolve(ROOT, 'web/vite.config.ts');
const DIST = resolve(ROOT, 'web/dist');
const STAMP = resolve(DIST, '.build.json');
/** Files that shape the build besides the bundled modules. */
const ALWAYS = ['package-lock.json', 'web/index.html', 'web/vite.config.ts'];

interface Stamp {
  files: Record<string, string>;
}

function hashOf(file: string): string | null {
  try {
    return createHash('sha256')
      .update(readFileSync(resolve(ROOT, file)))
      .digest('hex');
  } catch {
    return null;
  }
}

/** Why the build must be made again, or null when web/dist is up to date. */
export function staleReason(): string | null {
  if (!existsSync(resolve(DIST, 'index.html'))) return 'web/dist is missing';
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as Stamp;
  } catch {
    return 'web/dist has no build record';
  }
  for (const [file, hash] of Object.entries(stamp.files)) if (hashOf(file) !== hash) return `${file} changed`;
  return null;
}

/** Builds web/dist when it is stale; returns what was done (for the start-up message). */
export async function ensureWebBuild(options: { quiet?: boolean; force?: boolean } = {}): Promise<string> {
  const reason = options.force ? 'asked' : staleReason();
  if (reason === null) return 'web app up to date';
  const { build } = await import('vite');
  const result = await build({ configFile: CONFIG, logLevel: options.quiet ? 'silent' : 'warn' });
  const outputs = Array.isArray(result) ? result : [result];
  const modules = new Set<string>(ALWAYS);
  for (const out of outputs) {
    if (!('output' in out)) continue;
    for (const chunk of out.output)
      if (chunk.type === 'chunk')
        for (const id of chunk.moduleIds) {
          if (id.startsWith('\0') || id.includes('/node_modules/')) continue;
          const path = id.split('?')[0]!;
          if (existsSync(path)) modules.add(relative(ROOT, path));
        }
  }
  const files: Record<string, string> = {};
  for (const f of [...modules].sort()) {
    const h = hashOf(f);
    if (h) files[f] = h;
  }
  writeFileSync(STAMP, `${JSON.stringify({ files } satisfies Stamp, null, 1)}\n`);
  return `web app built (${reason})`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  console.log(await ensureWebBuild({ force: process.argv.includes('--force') }));
