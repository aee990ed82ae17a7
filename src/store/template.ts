// The template of a new embedded database (scripts/make-pglite-template.ts): a fresh PGlite data directory as a
// gzipped tar, for one PGlite version. Loading it is faster and lighter than PGlite's initdb on first use.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the template is kept. */
export const TEMPLATE_DIR = fileURLToPath(new URL('./template/', import.meta.url));

/** The installed PGlite's version. */
function pgliteVersion(): string {
  // Its package.json is not exported: found from its entry point, up the folders.
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (pkg.name === '@electric-sql/pglite') return pkg.version;
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

/** The template's file name for the installed PGlite: a data directory is only for the version that wrote it. */
export function templateName(): string {
  return `pglite-${pgliteVersion()}.tar.gz`;
}

/** The template for the installed PGlite, or undefined when there is none (initdb then makes the directory). */
export function pgliteTemplate(): Blob | undefined {
  const file = `${TEMPLATE_DIR}${templateName()}`;
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}
